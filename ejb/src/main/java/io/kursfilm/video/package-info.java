/**
 * Training videos: upload (sealed as it arrives, resumable in chunks), the transcode job's state,
 * and playback of the sealed HLS rendition to callers allowed to watch.
 */
package io.kursfilm.video;
