/**
 * The standalone transcode worker ({@code java -jar kursfilm-transcoder-worker.jar}): runs
 * transcode jobs from the shared queue against the same MariaDB, object store and key store as the
 * application, so transcoding scales out across machines.
 */
package io.kursfilm.transcoder.worker;
