package io.clickstream.simulator.schedule;

import java.time.Duration;

/**
 * When each event is due: a steady {@code rate} of events per second, optionally reached by a
 * linear ramp from zero over {@code ramp}. Event k is due {@link #offsetNanos(long)} after the
 * start, whatever happened before it, so a sender that fell behind catches up instead of drifting.
 */
public record Schedule(double rate, Duration ramp) {
  public Schedule {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("the rate must be a positive number of events per second");
    }
    if (ramp.isNegative()) {
      throw new IllegalArgumentException("the ramp must not be negative");
    }
  }

  public static Schedule steady(double rate) {
    return new Schedule(rate, Duration.ZERO);
  }

  /**
   * Nanoseconds from the start until event {@code index} (0-based) is due. During the ramp the rate
   * at time t is rate·t/T, so n(t) = rate·t²/(2T) events are due by t, and t(k) = √(2Tk/rate).
   */
  public long offsetNanos(long index) {
    double rampSeconds = ramp.toNanos() / 1e9;
    double dueDuringRamp = rate * rampSeconds / 2;
    double seconds =
        index < dueDuringRamp
            ? Math.sqrt(2 * rampSeconds * index / rate)
            : rampSeconds + (index - dueDuringRamp) / rate;
    return Math.round(seconds * 1e9);
  }
}
