package io.kursfilm.video.boundary;

import io.kursfilm.kernel.TenantFilter;
import io.kursfilm.storage.objects.ObjectStore;
import io.kursfilm.storage.objects.ObjectSummary;
import io.kursfilm.storage.sealed.SealedChunks;
import io.kursfilm.storage.sealed.SealedObjects;
import io.kursfilm.transcoder.job.VideoObjects;
import io.kursfilm.video.entity.Video;
import io.kursfilm.video.entity.VideoCaption;
import io.kursfilm.video.entity.VideoVersion;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything of a tenant's videos for its offboarding export: per video a metadata JSON (titles,
 * descriptions, tags, versions, states, captions) and the files (each version's uploaded original,
 * the published HLS rendition with its poster and storyboard, captions), opened decrypted. Called
 * only by the offboarding export job, which runs without a caller: the tenant is bound here from
 * the argument. Paths in the archive hold ids only.
 */
@Stateless
public class VideoArchive {

  /** One file of the export and where its sealed bytes are. */
  public record ArchivedFile(String path, String objectId, long size, int chunkSize) {

    boolean chunked() {
      return chunkSize > 0;
    }
  }

  /** What the export holds of the videos: metadata files and media files. */
  public record Archive(List<ArchivedFile> files, List<Metadata> metadata) {}

  /** One video's metadata JSON and its path in the archive. */
  public record Metadata(String path, byte[] json) {}

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject TenantFilter filter;
  @Inject SealedObjects sealed;
  @Inject ObjectStore store;

  public Archive of(String tenantId) {
    filter.bind(tenantId);
    List<ArchivedFile> files = new ArrayList<>();
    List<Metadata> metadata = new ArrayList<>();
    Set<String> renditions = new HashSet<>();
    for (Video video : em.createNamedQuery(Video.ALL, Video.class).getResultList()) {
      String folder = "videos/" + video.id() + "/";
      JsonArrayBuilder versions = Json.createArrayBuilder();
      List<VideoVersion> all =
          em.createNamedQuery(VideoVersion.OF_VIDEO, VideoVersion.class)
              .setParameter("videoId", video.id())
              .getResultList();
      java.util.Collections.reverse(all);
      for (VideoVersion version : all) {
        String at = folder + "v" + version.number() + "/";
        versions.add(version(tenantId, version, at, files, renditions));
      }
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("id", video.id())
              .add("ownerId", video.ownerId())
              .add("createdAt", video.createdAt().toString())
              .add("versions", versions);
      video.publishedVersionId().ifPresent(p -> json.add("publishedVersionId", p));
      metadata.add(
          new Metadata(
              folder + "video.json", json.build().toString().getBytes(StandardCharsets.UTF_8)));
    }
    return new Archive(files, metadata);
  }

  private JsonObjectBuilder version(
      String tenantId,
      VideoVersion version,
      String at,
      List<ArchivedFile> files,
      Set<String> renditions) {
    VideoDetails details = version.details();
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", version.id())
            .add("number", version.number())
            .add("uploaderId", version.uploaderId())
            .add("title", details.title())
            .add("state", version.state().name())
            .add("createdAt", version.createdAt().toString());
    add(json, "description", details.description());
    add(json, "tags", details.tags());
    add(json, "language", details.language());
    version.duration().ifPresent(d -> json.add("durationMs", d.toMillis()));
    version.quizId().ifPresent(q -> json.add("quizId", q));
    String original = VideoObjects.original(version.id());
    if (!store.list(tenantId, original + "/").isEmpty()) {
      files.add(
          new ArchivedFile(at + "original", original, version.declaredSize(), version.chunkSize()));
      json.add("original", at + "original");
    }
    // A derived version shares the rendition of the one it came from: exported once, referred to.
    version
        .rendition()
        .ifPresent(
            prefix -> {
              String folder = "videos/" + version.videoId() + "/hls/" + last(prefix) + "/";
              json.add("rendition", folder);
              if (renditions.add(prefix)) {
                for (ObjectSummary o : store.list(tenantId, prefix + "/")) {
                  String name = o.key().substring(prefix.length() + 1);
                  files.add(new ArchivedFile(folder + name, o.key(), o.size(), 0));
                }
              }
            });
    JsonArrayBuilder captions = Json.createArrayBuilder();
    for (VideoCaption caption :
        em.createNamedQuery(VideoCaption.OF_VERSION, VideoCaption.class)
            .setParameter("versionId", version.id())
            .getResultList()) {
      String path = at + "captions/" + caption.language() + ".vtt";
      String objectId = VideoObjects.caption(version.id(), caption.language());
      files.add(new ArchivedFile(path, objectId, 0, 0));
      captions.add(
          Json.createObjectBuilder()
              .add("language", caption.language())
              .add("label", caption.label())
              .add("file", path));
    }
    return json.add("captions", captions);
  }

  /** Opens a file of {@link #of}, decrypting as it is read. */
  public InputStream open(String tenantId, ArchivedFile file) {
    if (file.chunked()) {
      return new SealedChunks(sealed, store, file.chunkSize())
          .openRange(tenantId, file.objectId(), file.size(), 0, file.size());
    }
    return sealed.open(tenantId, file.objectId());
  }

  private static String last(String prefix) {
    return prefix.substring(prefix.lastIndexOf('/') + 1);
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
