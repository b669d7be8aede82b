/** Tenant look-ups, settings and provisioning as the other components and the web see them. */
package io.kursfilm.tenant.boundary;
