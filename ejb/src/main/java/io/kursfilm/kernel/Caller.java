package io.kursfilm.kernel;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The authenticated caller of the current request, bound once by the web layer's authentication
 * mechanism. Boundaries read the tenant from here, never from request data.
 */
@RequestScoped
public class Caller {

  private AuthenticatedCaller current;

  public void bind(AuthenticatedCaller caller) {
    this.current = caller;
  }

  public Optional<AuthenticatedCaller> current() {
    return Optional.ofNullable(current);
  }

  public AuthenticatedCaller require() {
    if (current == null) {
      throw new NotAuthenticatedException();
    }
    return current;
  }
}
