/**
 * The HLS ladder transcoder: one hardened ffmpeg run turns an accepted upload into fMP4 renditions
 * (1080/720/480/360, never upscaled), a poster and a thumbnail storyboard, with progress, cancel
 * and timeouts. Output files go to the caller's sink as they are produced; the transcode only
 * returns normally when ffmpeg succeeded and the playlists prove complete.
 */
package io.kursfilm.transcoder.hls;
