/**
 * Tenants (customer companies) and the one mechanism that scopes every tenant-owned row to the
 * calling tenant.
 */
package io.kursfilm.tenant;
