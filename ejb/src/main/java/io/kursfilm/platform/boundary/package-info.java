/**
 * Readiness checks that operations and load balancers call, and the CSV writer every CSV the
 * application produces goes through.
 */
package io.kursfilm.platform.boundary;
