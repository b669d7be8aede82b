/** Shared fixtures of the integration tests. */
package io.kursfilm.web.testing;
