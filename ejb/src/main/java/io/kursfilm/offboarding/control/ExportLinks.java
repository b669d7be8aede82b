package io.kursfilm.offboarding.control;

import io.kursfilm.offboarding.boundary.ExportDownload;
import io.kursfilm.offboarding.entity.ExportLink;
import io.kursfilm.offboarding.entity.Offboarding;
import io.kursfilm.storage.http.ByteRange;
import io.kursfilm.storage.sealed.SealedObjects;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Download links of exports and the download itself: a link is a random 256-bit token of which only
 * the SHA-256 is stored, valid for {@code kursfilm.offboarding.download-ttl} and for one export;
 * the download maps the requested range onto the sealed parts and decrypts only the parts (and of
 * each only the segments) it touches, through the gated keys, which still open an offboarding
 * tenant.
 */
@Dependent
public class ExportLinks {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A link just issued: the token (given out once, never stored) and when it expires. */
  public record Issued(String token, Instant expiresAt) {}

  @PersistenceContext(unitName = "kursfilm")
  EntityManager em;

  @Inject Clock clock;
  @Inject SealedObjects sealed;
  @Inject ExportJob job;

  @Inject
  @ConfigProperty(name = "kursfilm.offboarding.download-ttl")
  Duration ttl;

  public Issued issue(Offboarding offboarding, String adminId) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    ExportLink link = new ExportLink(offboarding, hash(token), adminId, now, now.plus(ttl));
    em.persist(link);
    return new Issued(token, link.expiresAt());
  }

  /** The id of the link {@code token} names, if it is valid now for this export. */
  public Optional<String> valid(Offboarding offboarding, String token) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    return em.createNamedQuery(ExportLink.BY_TOKEN_HASH, ExportLink.class)
        .setParameter("hash", hash(token))
        .getResultStream()
        .filter(l -> l.opens(offboarding.id(), clock.instant()))
        .findFirst()
        .map(ExportLink::id);
  }

  /**
   * The archive's bytes in {@code rangeHeader} (all of them without one).
   *
   * @throws ByteRange.NotSatisfiableException for a range beyond the end
   */
  public ExportDownload open(Offboarding offboarding, String rangeHeader)
      throws ByteRange.NotSatisfiableException {
    String tenantId = offboarding.tenantId();
    ArchiveState parts =
        job.parts(tenantId, offboarding.id(), offboarding.exportCheckpoint().orElseThrow());
    long size = parts.offset();
    Optional<ByteRange> range = ByteRange.parse(rangeHeader, size);
    long first = range.map(ByteRange::first).orElse(0L);
    long last = range.map(ByteRange::last).orElse(size - 1);
    List<Supplier<InputStream>> pieces = new ArrayList<>();
    long start = 0;
    for (int i = 0; i < parts.parts().size(); i++) {
      long length = parts.parts().get(i);
      long end = start + length - 1;
      if (length > 0 && end >= first && start <= last) {
        long from = Math.max(first, start) - start;
        long to = Math.min(last, end) - start;
        String partId = ExportParts.partId(offboarding.id(), i);
        pieces.add(() -> sealed.openRange(tenantId, partId, from, to - from + 1));
      }
      start += length;
    }
    return new ExportDownload(size, range.orElse(null), lazily(pieces));
  }

  /** The pieces one after another, each opened when the reader reaches it. */
  private static InputStream lazily(List<Supplier<InputStream>> pieces) {
    var iterator = pieces.iterator();
    return new SequenceInputStream(
        new java.util.Enumeration<InputStream>() {
          @Override
          public boolean hasMoreElements() {
            return iterator.hasNext();
          }

          @Override
          public InputStream nextElement() {
            return iterator.next().get();
          }
        });
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
