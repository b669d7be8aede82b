/**
 * Appending to a chain under a row lock, the canonical hash encoding, the chain verifier, the
 * signing key and the checkpoints in the object store.
 */
package io.kursfilm.audit.control;
