package io.kursfilm.video.control;

import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.FfmpegInstallation;
import io.kursfilm.transcoder.hls.HlsTranscoder;
import io.kursfilm.transcoder.hls.LadderSettings;
import io.kursfilm.transcoder.job.Workspace;
import io.kursfilm.transcoder.loopback.LoopbackServer;
import io.kursfilm.transcoder.probe.InputProbe;
import io.kursfilm.transcoder.probe.ProbeLimits;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the plain-Java pieces of video ingest from MicroProfile Config (defaults in
 * META-INF/microprofile-config.properties), once per application.
 */
@ApplicationScoped
public class VideoWiring {

  /** Chunk sealing threads of uploads are the container's. */
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "kursfilm.video.chunk-size")
  int chunkSize;

  @Inject
  @ConfigProperty(name = "kursfilm.video.max-upload-bytes")
  long maxUploadBytes;

  @Inject
  @ConfigProperty(name = "kursfilm.transcode.work-dir")
  Optional<String> workDir;

  @Inject
  @ConfigProperty(name = "kursfilm.transcode.allow-disk-work-dir")
  boolean allowDiskWorkDir;

  @Produces
  @Singleton
  SealedChunks sealedChunks(SealedObjects sealed, ObjectStore store) {
    return new SealedChunks(sealed, store, chunkSize, threads);
  }

  @Produces
  @Singleton
  LoopbackServer loopback() {
    try {
      return LoopbackServer.start();
    } catch (IOException e) {
      throw new UncheckedIOException("loopback stream for ffmpeg unavailable", e);
    }
  }

  void stop(@Disposes LoopbackServer loopback) {
    loopback.close();
  }

  @Produces
  @Singleton
  InputProbe inputProbe(FfmpegInstallation ffmpeg) {
    return new InputProbe(ffmpeg, ProbeLimits.defaults().withMaxBytes(maxUploadBytes));
  }

  @Produces
  @Singleton
  HlsTranscoder transcoder(FfmpegInstallation ffmpeg) {
    return new HlsTranscoder(ffmpeg, LadderSettings.defaults());
  }

  @Produces
  @Singleton
  Workspace workspace() {
    return workDir
        .filter(d -> !d.isBlank())
        .map(d -> new Workspace(Path.of(d), allowDiskWorkDir))
        .orElseGet(() -> Workspace.standard(allowDiskWorkDir));
  }
}
