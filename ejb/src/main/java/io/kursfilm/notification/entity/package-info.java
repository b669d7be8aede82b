/** The in-app notification row, owned by one person of one tenant. */
package io.kursfilm.notification.entity;
