package io.kursfilm.web.ui;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The language a person picked (German or English); the browser's choice until they do. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

  private static final long serialVersionUID = 1L;

  private Locale locale;

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
  }
}
