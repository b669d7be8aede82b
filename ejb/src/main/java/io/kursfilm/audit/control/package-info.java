/**
 * Appending to a chain under a row lock, the chain verifier, the signed checkpoints in the object
 * store and their own chain ({@code CheckpointChain}), and the signing key kept wrapped in the key
 * store.
 */
package io.kursfilm.audit.control;
