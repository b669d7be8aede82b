/** Readiness checks that operations and load balancers call. */
package io.kursfilm.platform.boundary;
