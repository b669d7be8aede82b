package io.kursfilm.video.boundary;

import java.util.List;

/**
 * Where a resumable upload stands: a client that lost its connection asks for this and sends the
 * chunks that are missing.
 *
 * @param id the video's id (every version of a video has the same)
 * @param received indices of the chunks already sealed and stored
 * @param version the number of the version being uploaded
 */
public record UploadStatus(
    String id,
    String state,
    long size,
    int chunkSize,
    int chunkCount,
    List<Integer> received,
    int version) {}
