/** Stored decisions and comments of the bound tenant. */
package io.kursfilm.review.control;
