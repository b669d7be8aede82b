/** A critic's decision on a version and the comments on versions (sealed text). */
package io.kursfilm.review.entity;
