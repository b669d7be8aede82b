package io.kursfilm.video.control;

import io.kursfilm.video.boundary.VideoState;

/**
 * Where a video's current HLS rendition lies and the state the video was in when looked up: all
 * that playback needs of the row.
 *
 * @param prefix object-id prefix of the rendition's files; a transcode retry writes a new one
 */
public record Rendition(VideoState state, String prefix) {}
