/**
 * Who is told what when a version moves (pure rules), the observer that writes the rows in the
 * transition's own transaction, and the mails sent once that transaction committed.
 */
package io.kursfilm.notification.control;
