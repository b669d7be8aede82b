/**
 * The repeatable load proof (issue 16): viewers, portal employees and the raw-S3 baseline driven by
 * the same client (infra/bench/load/Load.java) that the documented 5-minute bench runs.
 */
package io.kursfilm.web.load;
