/** The video row, its state machine and the chunks of a resumable upload. */
package io.kursfilm.video.entity;
