/** Courses, groups, assignments with their settled cycles and reminders, and completions. */
package io.kursfilm.learning.entity;
