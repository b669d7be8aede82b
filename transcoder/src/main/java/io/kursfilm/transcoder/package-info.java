/**
 * Everything that runs ffmpeg or ffprobe on untrusted uploads. Plain Java so that it runs inside
 * the app server and as a standalone worker process alike.
 */
package io.kursfilm.transcoder;
