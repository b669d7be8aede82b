/**
 * Password hashing, bearer tokens, the user directory and the authenticated caller of a request.
 */
package io.kursfilm.identity.control;
