/** Video ingest and playback, black-box through the REST API, with real ffmpeg and S3. */
package io.kursfilm.web.video;
