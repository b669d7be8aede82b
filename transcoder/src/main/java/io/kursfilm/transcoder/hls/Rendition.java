package io.kursfilm.transcoder.hls;

/**
 * One rung of the ladder as the master playlist announces it.
 *
 * @param bandwidth peak bits per second (video cap plus audio) from {@code BANDWIDTH}
 * @param playlist relative path of the rung's media playlist, e.g. {@code 720p/playlist.m3u8}
 */
public record Rendition(int width, int height, int bandwidth, String playlist) {}
