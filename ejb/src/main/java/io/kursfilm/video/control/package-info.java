/** Wiring of the transcode queue and the sealed video objects inside the application. */
package io.kursfilm.video.control;
