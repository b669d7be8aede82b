/**
 * Password hashing, bearer tokens, the user directory and the authenticated caller of a request;
 * the OpenID Connect client and the pending sign-ins of single sign-on.
 */
package io.kursfilm.identity.control;
