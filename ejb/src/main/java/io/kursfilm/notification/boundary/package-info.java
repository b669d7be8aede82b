/** What a person calls about their own notifications, and the types they see them as. */
package io.kursfilm.notification.boundary;
