/**
 * Black-box tests of invitations, password resets and the password policy, with a real SMTP server.
 */
package io.kursfilm.web.identity;
