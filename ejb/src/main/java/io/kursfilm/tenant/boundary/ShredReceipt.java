package io.kursfilm.tenant.boundary;

import io.kursfilm.storage.shred.ShredCertificate;

/**
 * What a finished shred hands the customer: the certificate and its two renderings. The JSON is the
 * authoritative form (what {@code infra/verify-certificate} checks); the PDF is for people.
 *
 * @param certificate what was destroyed and deleted, and when
 * @param json the certificate as JSON
 * @param pdf the certificate as PDF, rendered from the JSON
 */
public record ShredReceipt(ShredCertificate certificate, byte[] json, byte[] pdf) {

  public ShredReceipt {
    json = json.clone();
    pdf = pdf.clone();
  }

  @Override
  public byte[] json() {
    return json.clone();
  }

  @Override
  public byte[] pdf() {
    return pdf.clone();
  }
}
