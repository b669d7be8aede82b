/**
 * Tenants (customer companies): their registry, settings, keys at creation and crypto-shredding.
 * The filter that scopes every tenant-owned row to the calling tenant lives in the kernel.
 */
package io.kursfilm.tenant;
