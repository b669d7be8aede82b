package io.kursfilm.video.boundary;

/**
 * One file of a video's HLS rendition, found and authorised, ready to be streamed.
 *
 * @param size plaintext bytes
 * @param contentType media type to send
 * @param playlist playlists are revalidated, segments and images may be cached privately
 */
public record PlaybackFile(
    String tenantId, String objectId, long size, String contentType, boolean playlist) {}
