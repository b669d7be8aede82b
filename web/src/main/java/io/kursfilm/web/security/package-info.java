/**
 * Authentication for both faces of the app: form login with a session for the UI, bearer tokens for
 * the API, in one Jakarta Security mechanism; sign-in through a tenant's identity provider ends in
 * the same session as form login.
 */
package io.kursfilm.web.security;
