/**
 * Authentication for both faces of the app: form login with a session for the UI, bearer tokens for
 * the API, in one Jakarta Security mechanism.
 */
package io.kursfilm.web.security;
