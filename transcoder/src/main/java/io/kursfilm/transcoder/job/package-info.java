/**
 * The transcode job: one upload from sealed original to published, sealed HLS rendition. The same
 * code runs inside the application and in standalone workers; they share the queue (db-scheduler's
 * table) and the {@code video} rows in MariaDB, so a job any of them started is finished by any
 * other after a crash.
 */
package io.kursfilm.transcoder.job;
