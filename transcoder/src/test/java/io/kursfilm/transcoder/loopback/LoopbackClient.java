package io.kursfilm.transcoder.loopback;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * An HTTP client that reads a lease the way ffmpeg does: through the loopback server as its proxy,
 * answering the 407 with the credentials of the lease's {@code http_proxy}.
 */
final class LoopbackClient {

  private LoopbackClient() {}

  /** A client for whatever lease {@code lease} supplies at the time of each request. */
  static HttpClient of(LoopbackServer server, Supplier<LoopbackServer.Lease> lease) {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", server.port())))
        .authenticator(
            new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                String[] user = userInfo(lease.get()).split(":");
                return new PasswordAuthentication(user[0], user[1].toCharArray());
              }
            })
        .build();
  }

  /** {@code user:secret} from the lease's {@code http_proxy}, as ffmpeg reads it. */
  static String userInfo(LoopbackServer.Lease lease) {
    return URI.create(lease.input().environment().get("http_proxy")).getUserInfo();
  }
}
