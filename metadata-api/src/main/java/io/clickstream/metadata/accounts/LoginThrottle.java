package io.clickstream.metadata.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing against one address: after {@value #MAX_FAILURES} failed logins within
 * the window, further attempts on that address are refused (429) until the window ends. Unknown and
 * known addresses are counted alike, so the throttle reveals nothing about who has an account. Per
 * process, in memory: enough to make online guessing impractical.
 */
public final class LoginThrottle {
  static final int MAX_FAILURES = 10;
  private static final int MAX_TRACKED = 100_000;

  private final Duration window;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Duration window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  private record Failures(Instant windowStart, int count) {}

  /** Seconds to wait before trying this address again, or 0 when an attempt may go ahead. */
  public long retryAfterSeconds(String email) {
    Failures current = failures.get(email);
    Instant now = clock.instant();
    if (current == null || current.count() < MAX_FAILURES) {
      return 0;
    }
    Instant end = current.windowStart().plus(window);
    return now.isBefore(end) ? Math.max(1, Duration.between(now, end).toSeconds()) : 0;
  }

  public void recordFailure(String email) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_TRACKED) {
      failures.values().removeIf(f -> !now.isBefore(f.windowStart().plus(window)));
    }
    failures.compute(
        email,
        (key, current) ->
            current == null || !now.isBefore(current.windowStart().plus(window))
                ? new Failures(now, 1)
                : new Failures(current.windowStart(), current.count() + 1));
  }

  public void recordSuccess(String email) {
    failures.remove(email);
  }
}
