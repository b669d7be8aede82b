/** The tenant registry and the crypto-shredding of a tenant. */
package io.kursfilm.tenant.control;
