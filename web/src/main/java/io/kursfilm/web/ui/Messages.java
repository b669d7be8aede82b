package io.kursfilm.web.ui;

import io.kursfilm.identity.boundary.WeakPasswordException;
import io.kursfilm.web.api.AccountErrorMappers;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ResourceBundle;

/** Adds translated messages to the current JSF view. */
final class Messages {

  private Messages() {}

  static void info(String key) {
    add(FacesMessage.SEVERITY_INFO, text(key));
  }

  static void warn(String key) {
    add(FacesMessage.SEVERITY_WARN, text(key));
  }

  static void error(String key) {
    add(FacesMessage.SEVERITY_ERROR, text(key));
  }

  static void weakPassword(WeakPasswordException e) {
    FacesContext faces = FacesContext.getCurrentInstance();
    add(
        FacesMessage.SEVERITY_ERROR,
        AccountErrorMappers.message(e, faces.getViewRoot().getLocale()));
  }

  static void plain(FacesMessage.Severity severity, String text) {
    add(severity, text);
  }

  static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
    return msg.getString(key);
  }

  private static void add(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
