package io.kursfilm.video.control;

import io.kursfilm.video.boundary.VideoState;

/**
 * What playback needs of one version: whether the caller may watch it is decided from its state on
 * every request, its files lie under {@code prefix}, its captions belong to {@code versionId}.
 *
 * @param prefix object-id prefix of the rendition's files; a transcode retry writes a new one
 */
public record Rendition(VideoState state, String prefix, String versionId) {}
