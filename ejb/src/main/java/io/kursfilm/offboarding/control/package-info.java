/**
 * The export job and its parts: the ZIP64 writer whose state survives a restart, the plan of what a
 * tenant's export holds, the worker that claims and resumes exports, the download links.
 */
package io.kursfilm.offboarding.control;
