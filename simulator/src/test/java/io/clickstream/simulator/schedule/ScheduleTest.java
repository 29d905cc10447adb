package io.clickstream.simulator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void aSteadyRateSpacesEventsEvenly() {
    Schedule schedule = Schedule.steady(200);

    assertThat(schedule.offsetNanos(0)).isZero();
    assertThat(schedule.offsetNanos(1)).isEqualTo(5_000_000);
    assertThat(schedule.offsetNanos(1_000)).isEqualTo(5_000_000_000L);
  }

  @Test
  void aRampGrowsTheRateLinearlyAndThenHoldsIt() {
    // 100 events/s reached after 10 s: 500 events are due during the ramp.
    Schedule schedule = new Schedule(100, Duration.ofSeconds(10));

    assertThat(schedule.offsetNanos(0)).isZero();
    assertThat(schedule.offsetNanos(125)).isEqualTo(5_000_000_000L); // √(2·10·125/100) = 5 s
    assertThat(schedule.offsetNanos(500)).isEqualTo(10_000_000_000L);
    assertThat(schedule.offsetNanos(600)).isEqualTo(11_000_000_000L);
  }

  @Test
  void dueTimesNeverGoBackwards() {
    Schedule schedule = new Schedule(37.5, Duration.ofMillis(2_500));
    long previous = -1;
    for (long index = 0; index < 10_000; index++) {
      long due = schedule.offsetNanos(index);
      assertThat(due).isGreaterThanOrEqualTo(previous);
      previous = due;
    }
  }

  @Test
  void theRateMustBePositive() {
    assertThatThrownBy(() -> Schedule.steady(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Schedule.steady(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
