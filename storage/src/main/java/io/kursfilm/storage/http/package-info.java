/**
 * HTTP details of reading stored objects in parts, shared by every module that serves stored bytes
 * (HLS delivery in {@code web}, the loopback input in {@code transcoder}): one parser for the
 * {@code Range} header, so both answer the same header the same way.
 */
package io.kursfilm.storage.http;
