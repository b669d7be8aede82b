/**
 * Password hashing, bearer tokens, the user directory, the OpenID Connect client and the elevation
 * ledger. The authenticated caller of a request lives in the kernel.
 */
package io.kursfilm.identity.control;
