package io.kursfilm.offboarding.boundary;

import io.kursfilm.storage.http.ByteRange;
import java.io.InputStream;

/**
 * The bytes of an export download: the archive's whole size, the range served (null: all of it) and
 * the stream of those bytes, decrypted from the sealed parts as it is read.
 */
public record ExportDownload(long size, ByteRange range, InputStream body) {}
