package io.kursfilm.web.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * What the browser brings back from the tenant's identity provider: the query of the callback
 * (code, state, or an error) and its state, which names the sign-in kept in the HTTP session.
 */
public record SsoCallbackCredential(String query, String state) implements Credential {}
