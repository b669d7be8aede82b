package io.kursfilm.identity.control;

/**
 * Shows an address partially, for pages anyone holding a link can open: enough for the owner to
 * recognise it, too little to harvest it.
 */
public final class EmailMask {

  private EmailMask() {}

  /** {@code anna.schmidt@firma.de} becomes {@code a***t@f***.de}. */
  public static String of(String email) {
    int at = email == null ? -1 : email.indexOf('@');
    if (at < 1) {
      return "***";
    }
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String host = dot > 0 ? domain.substring(0, dot) : domain;
    String tld = dot > 0 ? domain.substring(dot) : "";
    return part(local) + "@" + host.charAt(0) + "***" + tld;
  }

  private static String part(String s) {
    return s.length() <= 2 ? s.charAt(0) + "***" : s.charAt(0) + "***" + s.charAt(s.length() - 1);
  }
}
