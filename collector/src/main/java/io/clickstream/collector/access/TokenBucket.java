package io.clickstream.collector.access;

/**
 * A token bucket of {@code rate} tokens per second holding at most one second's worth. A request
 * for more tokens than the bucket can hold passes when the bucket is full and leaves it in debt, so
 * a batch larger than the per-second rate is not refused forever, and the long-run rate still
 * holds.
 */
final class TokenBucket {
  private final double ratePerNano;
  private final double capacity;
  private final int rate;
  private double tokens;
  private long refilledAt;

  TokenBucket(int ratePerSecond, long nowNanos) {
    this.rate = ratePerSecond;
    this.capacity = ratePerSecond;
    this.ratePerNano = ratePerSecond / 1e9;
    this.tokens = capacity;
    this.refilledAt = nowNanos;
  }

  int rate() {
    return rate;
  }

  /**
   * Takes {@code count} tokens if the bucket has them (or is full, for a request larger than it).
   *
   * @return 0 when taken, otherwise the nanoseconds until the same request would pass
   */
  synchronized long tryTake(int count, long nowNanos) {
    tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - refilledAt) * ratePerNano);
    refilledAt = nowNanos;
    double needed = Math.min(count, capacity);
    if (tokens >= needed) {
      tokens -= count;
      return 0;
    }
    return (long) Math.ceil((needed - tokens) / ratePerNano);
  }
}
