/**
 * The tamper-evident audit log: security events and reads of personal data, appended to a
 * hash-chained log per tenant, verified on demand and anchored by signed checkpoints in the object
 * store.
 */
package io.kursfilm.audit;
