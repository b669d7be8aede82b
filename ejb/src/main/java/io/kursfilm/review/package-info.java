/**
 * The critic's review of video versions: decisions bound to the artefact a critic saw (four eyes, a
 * tenant's number of approvals), timestamped comments between critics and trainers, the queue of
 * versions waiting. State changes go through the video component's lifecycle table.
 */
package io.kursfilm.review;
