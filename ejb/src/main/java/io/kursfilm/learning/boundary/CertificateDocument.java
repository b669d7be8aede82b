package io.kursfilm.learning.boundary;

/** A certificate's PDF, rendered for one download. */
public record CertificateDocument(String id, byte[] pdf) {

  public String fileName() {
    return "certificate-" + id + ".pdf";
  }
}
