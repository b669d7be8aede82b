package io.kursfilm.video.boundary;

import io.kursfilm.video.control.VersionFinder;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A video's title in the bound tenant, whatever its state, for documents that name it after the
 * fact (a certificate of completion of a video archived since). It checks no role: the calling
 * boundary has bound the tenant and decided who may see the document. The web never uses it
 * (WebArchitectureTest).
 */
@Dependent
public class VideoTitles {

  @Inject VersionFinder finder;

  /** The published version's title, else the newest version's; empty when there is no video. */
  public Optional<String> of(String videoId) {
    return finder
        .video(videoId)
        .flatMap(
            v ->
                finder
                    .published(v)
                    .or(() -> finder.all(videoId).stream().findFirst())
                    .map(VideoVersion::details)
                    .map(VideoDetails::title));
  }
}
