package io.kursfilm.web.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on the port the app was configured with, and the links in the
 * mails it received.
 */
public final class Inbox {

  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

  private final GreenMail server;

  public Inbox(int port) {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  public void stop() {
    server.stop();
  }

  /** All mails received so far for {@code address}. */
  public List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : server.getReceivedMessages()) {
      for (Address a : m.getAllRecipients()) {
        if (a.toString().equalsIgnoreCase(address)) {
          found.add(m);
        }
      }
    }
    return found;
  }

  /** Waits for the {@code n}-th mail (1-based) to {@code address} and returns the token in it. */
  public String token(String address, int n) throws Exception {
    long until = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < until) {
      List<MimeMessage> mails = mailsTo(address);
      if (mails.size() >= n) {
        String body = mails.get(n - 1).getContent().toString();
        Matcher m = TOKEN.matcher(body);
        if (!m.find()) {
          throw new AssertionError("no link in the mail: " + body);
        }
        return m.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail #" + n + " to " + address + " within 15 s");
  }

  public String token(String address) throws Exception {
    return token(address, 1);
  }
}
