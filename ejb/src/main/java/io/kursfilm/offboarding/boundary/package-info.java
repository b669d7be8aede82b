/**
 * Offboarding use cases for the web: start (freeze, end sessions, enqueue the export), view,
 * download of the export through an expiring link, confirmation of the download.
 */
package io.kursfilm.offboarding.boundary;
