package io.kursfilm.identity.boundary;

/** The outcome of one CSV line: {@code invited} with the invitation's id, or an error. */
public record CsvLineResult(int line, String email, boolean invited, String id, String error) {}
