/**
 * The REST API under /api/v1 (conventions in docs/api.md): every UI action has a twin here.
 * Resources translate HTTP to boundary calls; authorisation sits in the boundaries.
 */
package io.kursfilm.web.api;
