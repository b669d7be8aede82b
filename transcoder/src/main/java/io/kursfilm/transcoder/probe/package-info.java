/**
 * Validation of untrusted uploads with a hardened ffprobe before anything else touches them:
 * allow-listed containers and codecs, limits on size, duration and resolution, and stream
 * timestamps that must agree with what the container claims.
 */
package io.kursfilm.transcoder.probe;
