package io.kursfilm.identity.control;

import io.kursfilm.identity.entity.Backoff;
import io.kursfilm.tenant.boundary.TenantView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits password-reset requests per account and per client address, in the login counters' table
 * but under counters of their own: every request counts (each one may send a mail), and after
 * {@code kursfilm.password-reset.throttle.threshold} requests for an account, or {@code
 * ip-threshold} from an address, further ones wait with a doubling back-off. Unknown accounts and
 * companies are counted exactly like real ones, so the answers do not reveal which exist.
 */
@Dependent
public class ResetThrottling {

  private static final String SCOPE = "password-reset";

  @Inject LoginThrottling counters;
  @Inject UserDirectory users;

  @Inject
  @ConfigProperty(name = "kursfilm.password-reset.throttle.threshold")
  int accountThreshold;

  @Inject
  @ConfigProperty(name = "kursfilm.password-reset.throttle.ip-threshold")
  int addressThreshold;

  @Inject
  @ConfigProperty(name = "kursfilm.password-reset.throttle.base")
  Duration base;

  @Inject
  @ConfigProperty(name = "kursfilm.password-reset.throttle.max")
  Duration max;

  @Inject
  @ConfigProperty(name = "kursfilm.password-reset.throttle.window")
  Duration window;

  private Backoff accountBackoff;
  private Backoff addressBackoff;

  @PostConstruct
  void init() {
    accountBackoff = new Backoff(accountThreshold, base, max, window);
    addressBackoff = new Backoff(addressThreshold, base, max, window);
  }

  /**
   * Counts a request for {@code email} in {@code tenant} (bound to the transaction when present)
   * from {@code clientAddress}, unless one of the counters says to wait: then nothing is counted
   * and the wait is returned.
   */
  public Optional<Duration> admit(
      Optional<TenantView> tenant, String tenantSlug, String email, String clientAddress) {
    LoginThrottling.Keys keys = keys(tenant, tenantSlug, email, clientAddress);
    Optional<Duration> wait = counters.waitFor(keys);
    if (wait.isEmpty()) {
      counters.counted(keys, accountBackoff, addressBackoff);
    }
    return wait;
  }

  /** The account by tenant and e-mail blind index; otherwise the slug and address, hashed. */
  private LoginThrottling.Keys keys(
      Optional<TenantView> tenant, String tenantSlug, String email, String address) {
    Optional<String> index = tenant.flatMap(t -> users.emailIndex(email));
    if (index.isPresent()) {
      return LoginThrottling.keys(SCOPE, tenant.get().id(), index.get(), address);
    }
    String slug = tenantSlug == null ? "" : tenantSlug.strip().toLowerCase(Locale.ROOT);
    String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return LoginThrottling.keys(SCOPE, "unknown:" + slug, account, address);
  }
}
