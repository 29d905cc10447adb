package io.clickstream.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IpAnonymizerTest {
  private static final Clock MORNING = clock("2026-11-22T00:00:00Z");
  private static final Clock EVENING = clock("2026-11-22T23:59:59.999Z");
  private static final Clock NEXT_DAY = clock("2026-11-23T00:00:00Z");

  @Test
  void hashIs32LowerCaseHexCharactersWithoutTheAddress() {
    String hash = new IpAnonymizer("salt", MORNING).hash("203.0.113.7");

    assertThat(hash).matches("[0-9a-f]{32}").doesNotContain("203", "113");
  }

  @Test
  void sameAddressHasTheSameHashAllUtcDay() {
    assertThat(new IpAnonymizer("salt", MORNING).hash("203.0.113.7"))
        .isEqualTo(new IpAnonymizer("salt", EVENING).hash("203.0.113.7"));
  }

  @Test
  void sameAddressHasAnotherHashTheNextDay() {
    assertThat(new IpAnonymizer("salt", EVENING).hash("203.0.113.7"))
        .isNotEqualTo(new IpAnonymizer("salt", NEXT_DAY).hash("203.0.113.7"));
  }

  @Test
  void differentAddressesHaveDifferentHashes() {
    IpAnonymizer anonymizer = new IpAnonymizer("salt", MORNING);

    assertThat(anonymizer.hash("203.0.113.7")).isNotEqualTo(anonymizer.hash("203.0.113.8"));
    assertThat(anonymizer.hash("2001:db8::1")).isNotEqualTo(anonymizer.hash("2001:db8::2"));
  }

  @Test
  void hashDependsOnTheSalt() {
    assertThat(new IpAnonymizer("salt", MORNING).hash("203.0.113.7"))
        .isNotEqualTo(new IpAnonymizer("pepper", MORNING).hash("203.0.113.7"));
  }

  private static Clock clock(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
