/** Schema migration, wiring of storage and ffmpeg from configuration, shared exceptions. */
package io.kursfilm.platform.control;
