/** Users and their roles; personal columns are encrypted at rest. */
package io.kursfilm.identity.entity;
