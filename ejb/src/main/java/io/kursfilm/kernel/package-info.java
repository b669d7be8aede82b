/**
 * What every component stands on and nothing of a component: who is calling ({@link
 * io.kursfilm.kernel.Caller}, {@link io.kursfilm.kernel.Role}), the tenant bound to the transaction
 * and the filter that scopes every tenant-owned row to it, sealing of personal columns, and the
 * exceptions that cross boundaries. Depends on no component; the architecture test keeps it so.
 */
package io.kursfilm.kernel;
