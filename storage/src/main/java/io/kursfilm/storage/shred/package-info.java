/** Crypto-shredding of a tenant: keys first, then objects, with a certificate of what was done. */
package io.kursfilm.storage.shred;
