package io.clickstream.query.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clickstream.platform.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-22T12:34:56Z"), ZoneOffset.UTC);

  @Test
  void defaultsToTheLastSevenDays() {
    TimeRange range = TimeRange.parse(Optional.empty(), Optional.empty(), NOW);
    assertThat(range)
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-11-15T12:34:56Z"), Instant.parse("2026-11-22T12:34:56Z")));
  }

  @Test
  void aBareDateMeansMidnightUtc() {
    TimeRange range = TimeRange.parse(Optional.of("2026-11-01"), Optional.of("2026-11-02"), NOW);
    assertThat(range)
        .isEqualTo(
            new TimeRange(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")));
  }

  @Test
  void instantsAreTakenAsGiven() {
    TimeRange range =
        TimeRange.parse(
            Optional.of("2026-11-01T10:15:00Z"), Optional.of("2026-11-01T11:00:00Z"), NOW);
    assertThat(range.from()).isEqualTo(Instant.parse("2026-11-01T10:15:00Z"));
    assertThat(range.to()).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
  }

  @Test
  void fromMustBeBeforeTo() {
    assertThatThrownBy(
            () -> TimeRange.parse(Optional.of("2026-11-02"), Optional.of("2026-11-02"), NOW))
        .isInstanceOf(ApiException.class)
        .hasMessage("'from' must be before 'to'.");
  }

  @Test
  void unparseableDatesAreBadRequests() {
    assertThatThrownBy(() -> TimeRange.parse(Optional.of("yesterday"), Optional.empty(), NOW))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).startsWith("'from' must be an ISO-8601 date");
            });
  }
}
