package io.kursfilm.tenant.control;

import io.kursfilm.storage.shred.CertificateVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a signed shred certificate as a PDF for people (Apache PDFBox). The JSON stays the
 * authoritative form: the PDF repeats its facts and the signature, and says how to check the JSON.
 * Rendered on demand from the stored JSON, so it always shows exactly what was signed.
 */
public final class CertificatePdf {

  private static final float MARGIN = 50;
  private static final float LEADING = 13;
  private static final int WRAP = 100;

  private CertificatePdf() {}

  public static byte[] render(String document) {
    Map<?, ?> doc = (Map<?, ?>) CertificateVerifier.parse(document);
    Map<?, ?> c = (Map<?, ?>) doc.get("certificate");
    Map<?, ?> s = (Map<?, ?>) doc.get("signature");
    Map<?, ?> keyStore = (Map<?, ?>) c.get("keyStore");
    List<String> lines = new ArrayList<>();
    lines.add("Certificate id: " + c.get("certificateId"));
    lines.add("Tenant id: " + c.get("tenantId"));
    lines.add("SHA-256 of the tenant's slug: " + c.get("tenantSlugSha256"));
    lines.add("Tenant created: " + c.get("tenantCreatedAt"));
    lines.add("Shred started: " + c.get("shredStartedAt"));
    lines.add("Keys destroyed: " + c.get("keysDestroyedAt"));
    lines.add("Rows deleted: " + c.get("rowsDeletedAt"));
    lines.add("Issued: " + c.get("issuedAt"));
    lines.add("Key ids destroyed: " + c.get("keyIdsDestroyed"));
    lines.add("Objects deleted: " + c.get("objectsDeleted"));
    lines.add("Incomplete uploads aborted: " + c.get("incompleteUploadsAborted"));
    lines.add("");
    lines.add("Database rows deleted per table:");
    ((Map<?, ?>) c.get("rowsDeleted"))
        .entrySet().stream()
            .sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
            .forEach(e -> lines.add("    " + e.getKey() + ": " + e.getValue()));
    lines.add("");
    lines.add("Key store: " + keyStore.get("mode"));
    lines.add("Key-store backup retention: " + keyStore.get("backupRetention"));
    lines.add("Key-store backup interval: " + keyStore.get("backupInterval"));
    lines.add("No key-store backup holds the keys after: " + keyStore.get("noBackupHoldsKeyAfter"));
    lines.addAll(wrap(String.valueOf(keyStore.get("statement"))));
    lines.add("");
    lines.add("Kept after the shred:");
    ((List<?>) c.get("kept")).forEach(k -> lines.addAll(wrap("    " + k)));
    lines.add("");
    lines.add("Signature: " + s.get("algorithm") + ", platform key " + s.get("keyFingerprint"));
    lines.addAll(wrap(String.valueOf(s.get("value"))));
    lines.addAll(
        wrap(
            "The JSON form of this certificate is authoritative; check it with"
                + " infra/verify-certificate FILE [audit-signing-public.json]."));
    return pdf(lines);
  }

  private static byte[] pdf(List<String> lines) {
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      int next = 0;
      boolean first = true;
      while (next < lines.size() || first) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        float top = page.getMediaBox().getHeight() - MARGIN;
        try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
          out.beginText();
          out.setLeading(LEADING);
          out.newLineAtOffset(MARGIN, top);
          if (first) {
            out.setFont(bold, 15);
            out.showText("Kursfilm - certificate of crypto-shredding");
            out.newLine();
            out.newLine();
            top -= 2 * LEADING;
            first = false;
          }
          out.setFont(regular, 9);
          for (float y = top; next < lines.size() && y > MARGIN; y -= LEADING) {
            out.showText(ascii(lines.get(next++)));
            out.newLine();
          }
          out.endText();
        }
      }
      pdf.getDocumentInformation().setTitle("Kursfilm shred certificate");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      pdf.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the certificate PDF", e);
    }
  }

  private static List<String> wrap(String text) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > WRAP) {
      int cut = rest.lastIndexOf(' ', WRAP);
      cut = cut <= 0 ? WRAP : cut;
      out.add(rest.substring(0, cut));
      rest = "    " + rest.substring(cut).strip();
    }
    out.add(rest);
    return out;
  }

  /** The standard-14 fonts encode WinAnsi only; certificates are ASCII, this keeps them so. */
  private static String ascii(String line) {
    return line.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
