/**
 * What every component stands on: the data source and schema migration, storage and ffmpeg wiring
 * from MicroProfile Config, readiness checks and logging.
 */
package io.kursfilm.platform;
