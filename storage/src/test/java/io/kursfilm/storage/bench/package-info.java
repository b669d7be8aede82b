/**
 * Benchmarks of the storage module; run by hand via {@code infra/bench/storage-bench}, not tests.
 */
package io.kursfilm.storage.bench;
