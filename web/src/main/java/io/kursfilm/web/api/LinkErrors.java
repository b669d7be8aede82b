package io.kursfilm.web.api;

import io.kursfilm.identity.boundary.InvalidLinkException;

/** Shared refusal for preview look-ups, which return empty instead of throwing. */
final class LinkErrors {

  private LinkErrors() {}

  static InvalidLinkException invalid() {
    return new InvalidLinkException();
  }
}
