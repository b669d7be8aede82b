/**
 * The HLS ladder transcoder: one hardened ffmpeg run turns an accepted upload into fMP4 renditions
 * (1080/720/480/360, never upscaled), a poster and a thumbnail storyboard in a private directory,
 * with progress, cancel and timeouts; outputs are only reported when ffmpeg succeeded and the
 * playlists prove complete.
 */
package io.kursfilm.transcoder.hls;
