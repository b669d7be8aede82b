package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.InvalidLinkException;
import io.kursfilm.identity.boundary.LinkPreview;
import io.kursfilm.identity.boundary.WeakPasswordException;
import io.kursfilm.kernel.ConflictException;
import java.io.Serializable;
import java.util.Optional;

/**
 * The shared half of the invite and reset pages: read the token from the link, show its preview
 * (without using it), and on POST set the password through the subclass's boundary.
 */
abstract class LinkFormBean implements Serializable {

  private static final long serialVersionUID = 1L;

  private String token;
  private LinkPreview preview;
  private String password;
  private String repeat;
  private boolean done;

  abstract Optional<LinkPreview> lookUp(String token);

  abstract void use(String tenant, String token, char[] password);

  /** f:viewAction on GET: only looks, never consumes. */
  public void load() {
    preview = lookUp(token).orElse(null);
  }

  public void submit() {
    if (preview == null) {
      Messages.error("link.invalid");
      return;
    }
    if (password == null || !password.equals(repeat)) {
      Messages.error("password.mismatch");
      return;
    }
    try {
      use(preview.tenant(), token, password.toCharArray());
      done = true;
    } catch (WeakPasswordException e) {
      Messages.weakPassword(e);
    } catch (InvalidLinkException e) {
      preview = null;
      Messages.error("link.invalid");
    } catch (ConflictException e) {
      Messages.error("invite.exists");
    } finally {
      password = null;
      repeat = null;
    }
  }

  public boolean isValid() {
    return preview != null;
  }

  public boolean isDone() {
    return done;
  }

  public String getTenantName() {
    return preview == null ? "" : preview.tenantName();
  }

  public String getTenant() {
    return preview == null ? "" : preview.tenant();
  }

  public String getMaskedEmail() {
    return preview == null ? "" : preview.maskedEmail();
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeat() {
    return repeat;
  }

  public void setRepeat(String repeat) {
    this.repeat = repeat;
  }
}
