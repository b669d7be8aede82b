/**
 * Black-box tests of identity: invitations, password resets and the password policy with a real
 * SMTP server; login protection, user administration, session control and elevation.
 */
package io.kursfilm.web.identity;
