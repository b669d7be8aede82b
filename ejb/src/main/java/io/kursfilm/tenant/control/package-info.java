/** Tenant provisioning, the central tenant filter and the encryption of personal columns. */
package io.kursfilm.tenant.control;
