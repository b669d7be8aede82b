package io.kursfilm.web.ui;

import java.io.Serializable;

/** A value to pick with its label (EL cannot read records). */
public final class PickItem implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String value;
  private final String label;

  PickItem(String value, String label) {
    this.value = value;
    this.label = label;
  }

  public String getValue() {
    return value;
  }

  public String getLabel() {
    return label;
  }
}
