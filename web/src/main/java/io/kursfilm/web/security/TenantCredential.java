package io.kursfilm.web.security;

import jakarta.security.enterprise.credential.Credential;

/** What a person types on the login page: company, e-mail, password. */
public final class TenantCredential implements Credential {

  private final String tenant;
  private final String email;
  private char[] password;

  public TenantCredential(String tenant, String email, char[] password) {
    this.tenant = tenant;
    this.email = email;
    this.password = password;
  }

  public String tenant() {
    return tenant;
  }

  public String email() {
    return email;
  }

  public char[] password() {
    return password;
  }

  @Override
  public void clear() {
    if (password != null) {
      java.util.Arrays.fill(password, '\0');
      password = null;
    }
  }

  @Override
  public boolean isCleared() {
    return password == null;
  }
}
