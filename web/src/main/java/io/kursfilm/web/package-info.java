/** The web tier: UI per role, the REST API under /api/v1, and how callers authenticate. */
package io.kursfilm.web;
