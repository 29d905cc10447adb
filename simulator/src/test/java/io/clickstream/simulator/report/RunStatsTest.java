package io.clickstream.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RunStatsTest {
  private final RunStats stats = new RunStats();

  @Test
  void percentilesAreOfEveryAnswerInMilliseconds() {
    for (int ms = 1; ms <= 100; ms++) {
      stats.answered(1, 0, 0, 0, ms * 1_000_000L);
    }

    assertThat(stats.percentilesMs()).containsExactly(50.0, 99.0);
    assertThat(stats.recentPercentilesMs()).containsExactly(50.0, 99.0);
    assertThat(stats.recentPercentilesMs()).containsExactly(0.0, 0.0); // drained
    assertThat(stats.percentilesMs()).containsExactly(50.0, 99.0);
  }

  @Test
  void onlyWhatTheSimulatorMeantMakesACleanRun() {
    stats.sent(10, false);
    stats.answered(9, 1, 0, 0, 1);
    assertThat(stats.clean()).isTrue();

    stats.answered(4, 1, 1, 0, 1);
    assertThat(stats.clean()).isFalse();
    assertThat(stats.unexpectedlyRejected()).isEqualTo(1);
  }

  @Test
  void aFailedChunkMakesItsEventsOfUnknownFateAndTheSummarySaysSo() {
    stats.sent(3, false);
    stats.sent(3, true);
    stats.answered(2, 1, 0, 0, 2_000_000);
    stats.error("HTTP 503: busy");
    stats.failed(3, 4_000_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new ProgressReporter(stats, new PrintStream(out, true, StandardCharsets.UTF_8), false)
        .summary(2);

    assertThat(stats.clean()).isFalse();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("Sent 6 events in [0-9.]+ s \\([0-9,]+ events/s\\), 3 of them duplicate")
        .contains(
            "Accepted 2; rejected 1 (1 malformed on purpose); 1 chunks failed (3 events of"
                + " unknown fate).")
        .contains("Latency p50 2.0 ms, p99 4.0 ms.")
        .contains("First error: HTTP 503: busy")
        .contains("2 events were old enough that the topology may drop them as late.");
  }
}
