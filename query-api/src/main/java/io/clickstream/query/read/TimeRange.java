package io.clickstream.query.read;

import io.clickstream.platform.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A query's time range: {@code from} inclusive, {@code to} exclusive, each an ISO-8601 date (00:00
 * UTC of that day) or instant; the last 7 days when absent (DESIGN §4, §5).
 */
public record TimeRange(Instant from, Instant to) {
  static final Duration DEFAULT_SPAN = Duration.ofDays(7);

  public static TimeRange parse(Optional<String> from, Optional<String> to, Clock clock) {
    Instant end = to.map(value -> parseInstant("to", value)).orElse(clock.instant());
    Instant start = from.map(value -> parseInstant("from", value)).orElse(end.minus(DEFAULT_SPAN));
    if (!start.isBefore(end)) {
      throw ApiException.badRequest("'from' must be before 'to'.");
    }
    return new TimeRange(start, end);
  }

  private static Instant parseInstant(String name, String value) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "'"
              + name
              + "' must be an ISO-8601 date (2026-01-31) or instant (2026-01-31T12:00:00Z).");
    }
  }
}
