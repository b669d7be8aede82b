/**
 * The transcode job: one upload from sealed original to a sealed HLS rendition. The same code runs
 * inside the application and in standalone workers; they share the queue (db-scheduler's table) in
 * MariaDB, so a job any of them started is finished by any other after a crash. Jobs read the
 * {@code video_version} rows but change none: they report outcomes into the {@code
 * transcode_outcome} outbox ({@link io.kursfilm.transcoder.job.OutcomePort}), which the
 * application's video component applies through its lifecycle table.
 */
package io.kursfilm.transcoder.job;
