/** Customer companies as the platform operator manages them. */
package io.kursfilm.tenant.boundary;
