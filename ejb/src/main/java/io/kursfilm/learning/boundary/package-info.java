/**
 * The learning portal as callers see it: courses (trainers), groups (tenant admins), assignments
 * with their cycles, states and reminders, and the completed cycles certificates are issued for.
 */
package io.kursfilm.learning.boundary;
