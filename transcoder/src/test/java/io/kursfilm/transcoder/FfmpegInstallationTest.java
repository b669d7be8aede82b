package io.kursfilm.transcoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FfmpegInstallationTest {

  @Test
  void parses_debian_version_line() {
    assertEquals(
        "5.1.7-0+deb12u1",
        FfmpegInstallation.parseVersion(
                "ffmpeg version 5.1.7-0+deb12u1 Copyright (c) 2000-2025 the FFmpeg developers")
            .orElseThrow());
  }

  @Test
  void rejects_unrelated_output() {
    assertFalse(FfmpegInstallation.parseVersion("bash: ffmpeg: command not found").isPresent());
  }

  @Test
  void the_installed_ffmpeg_verifies() {
    FfmpegInstallation real =
        new FfmpegInstallation(Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"));
    assertTrue(real.verify().length() > 0);
  }

  @Test
  void a_missing_binary_is_reported() {
    FfmpegInstallation missing =
        new FfmpegInstallation(Path.of("/nonexistent/ffmpeg"), Path.of("/usr/bin/ffprobe"));
    assertThrows(IllegalStateException.class, missing::verify);
  }
}
