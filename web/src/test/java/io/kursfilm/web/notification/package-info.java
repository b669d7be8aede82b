/**
 * Notifications end to end: real state changes of real uploads, the in-app list over REST and in
 * the browser, and the mails a real SMTP server receives.
 */
package io.kursfilm.web.notification;
