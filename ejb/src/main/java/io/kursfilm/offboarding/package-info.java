/**
 * A customer's way out: the offboarding of a tenant (freeze, a complete export the tenant admin
 * downloads, then the crypto-shred). The export is a ZIP64 archive written by a restartable job
 * with checkpoints in MariaDB and sealed to the tenant's own bucket as a sequence of part objects.
 */
package io.kursfilm.offboarding;
