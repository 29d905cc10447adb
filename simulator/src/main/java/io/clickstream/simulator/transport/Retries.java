package io.clickstream.simulator.transport;

import java.time.Duration;

/** How often and how patiently a sender tries again after 429, 503 or a broken connection. */
final class Retries {
  static final int MAX_ATTEMPTS = 6;

  private Retries() {}

  /** 200 ms, doubling, or what the server asked for in Retry-After. */
  static void pause(int attempt, Duration retryAfter) throws InterruptedException {
    long millis = retryAfter != null ? retryAfter.toMillis() : 200L << Math.min(attempt, 5);
    Thread.sleep(Math.min(millis, 10_000));
  }
}
