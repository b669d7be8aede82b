/**
 * A plain HTTP server on 127.0.0.1 through which ffmpeg reads an upload that only exists decrypted
 * in memory: each upload is published under an unguessable URL for as long as a job needs it, with
 * the byte ranges ffmpeg asks for when it seeks.
 */
package io.kursfilm.transcoder.loopback;
