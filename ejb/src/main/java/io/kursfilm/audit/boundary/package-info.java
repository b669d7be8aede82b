/**
 * What other components and the web tier call: {@code AuditLog} to record {@code AuditEvent}s of an
 * {@code Action}, {@code AuditTrail} to read, verify and checkpoint the log.
 */
package io.kursfilm.audit.boundary;
