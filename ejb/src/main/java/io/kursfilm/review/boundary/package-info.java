/** Decisions, comments and the review queue as critics, trainers and the web call them. */
package io.kursfilm.review.boundary;
