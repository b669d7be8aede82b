/**
 * The rules of assignments (cycle dates, completion, states), the group CSV, the look-ups of the
 * bound tenant's courses, groups and assignments, and the completions the progress rules record.
 */
package io.kursfilm.learning.control;
