package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.Profile;
import io.kursfilm.kernel.Caller;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * The language a person picked (German or English); the browser's choice until they do. A logged-in
 * person's pick is also remembered with their account, for the mails the app writes them.
 */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

  private static final long serialVersionUID = 1L;

  private Locale locale;

  @Inject Caller caller;
  @Inject Profile profile;

  public Locale getLocale() {
    if (locale == null) {
      // Before the view exists: the browser's preferred language among the supported ones.
      FacesContext faces = FacesContext.getCurrentInstance();
      locale = faces.getApplication().getViewHandler().calculateLocale(faces);
    }
    return locale;
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public void setLanguage(String language) {
    this.locale = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
    var root = FacesContext.getCurrentInstance().getViewRoot();
    if (root != null) {
      root.setLocale(locale);
    }
    if (caller.current().isPresent()) {
      profile.preferLanguage(locale.getLanguage());
    }
  }
}
