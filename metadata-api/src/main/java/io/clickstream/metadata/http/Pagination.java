package io.clickstream.metadata.http;

import io.clickstream.platform.http.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reading the typed parts of a cursor; a tampered one is a 400. */
public final class Pagination {
  private Pagination() {}

  public static Instant instant(String part) {
    try {
      return Instant.parse(part);
    } catch (DateTimeParseException e) {
      throw invalid();
    }
  }

  public static UUID uuid(String part) {
    try {
      return UUID.fromString(part);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static ApiException invalid() {
    return ApiException.badRequest("Parameter 'cursor' is not a cursor this API returned.");
  }
}
