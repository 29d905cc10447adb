package io.clickstream.collector.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The per-app events/s limit of the app's settings ({@code rate_limit_eps}), shared by HTTP batches
 * and WebSocket frames. Each collector instance enforces it on its own, so N instances behind a
 * load balancer admit up to N times the rate in the worst case. A changed limit applies to the
 * app's next request.
 */
public final class AppRateLimiter {
  private final AppDirectory directory;
  private final LongSupplier nanoTime;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public AppRateLimiter(AppDirectory directory, LongSupplier nanoTime) {
    this.directory = directory;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes {@code events} from the app's budget.
   *
   * @return {@link Duration#ZERO} when they may pass, otherwise how long until they would
   */
  public Duration acquire(String appId, int events) {
    int rate = directory.settings(appId).rateLimitEps();
    long now = nanoTime.getAsLong();
    TokenBucket bucket =
        buckets.compute(
            appId,
            (id, current) ->
                current != null && current.rate() == rate ? current : new TokenBucket(rate, now));
    return Duration.ofNanos(bucket.tryTake(events, now));
  }

  public void forget(String appId) {
    buckets.remove(appId);
  }

  /** Whole seconds for a Retry-After header: at least 1, rounded up. */
  public static int retryAfterSeconds(Duration wait) {
    long millis = wait.toMillis();
    return (int) Math.max(1, (millis + 999) / 1000);
  }
}
