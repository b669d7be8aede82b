/** The learning portal on the real stack: courses, groups, assignments, reminders. */
package io.kursfilm.web.learning;
