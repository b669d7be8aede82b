/**
 * Readiness checks that operations and load balancers call, the CSV writer every CSV the
 * application produces goes through, and the mailer every component sends its e-mails with.
 */
package io.kursfilm.platform.boundary;
