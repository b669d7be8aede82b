/**
 * Notifications about the review workflow: in-app (the bell with its unread count) and by e-mail.
 * Critics hear when a version waits for them, trainers when a critic or another trainer decided on
 * their version. Sits above the video and identity components: it observes the video lifecycle's
 * events and asks identity who to tell.
 */
package io.kursfilm.notification;
