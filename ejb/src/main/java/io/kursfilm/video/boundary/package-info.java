/** What trainers, critics, admins and employees call: uploads, the video list, playback. */
package io.kursfilm.video.boundary;
