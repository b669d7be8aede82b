package io.kursfilm.video.boundary;

import io.kursfilm.storage.sealed.SealedObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;

/**
 * Opens the bytes of an HLS file that {@link Playback} (a member) or {@link GuestPlayback} (a guest
 * link) found for its caller: who may read it was decided there, and only there can a {@link
 * PlaybackFile} come from. Not an EJB, so a segment costs one container call, not two; the data key
 * is still unwrapped through the tenant's key store on every open, so a shredded tenant's files
 * stop opening at once.
 */
@ApplicationScoped
public class PlaybackFiles {

  @Inject SealedObjects sealed;

  /** Decrypted bytes {@code offset} to {@code offset + length} of the file: one GET at most. */
  public InputStream open(PlaybackFile file, long offset, long length) {
    return sealed.openRange(file.receipt(), offset, length);
  }
}
