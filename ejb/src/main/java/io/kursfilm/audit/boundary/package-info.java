/**
 * What other components and the web tier call: {@code AuditLog} to record events, {@code
 * AuditTrail} to read, verify and checkpoint the log.
 */
package io.kursfilm.audit.boundary;
