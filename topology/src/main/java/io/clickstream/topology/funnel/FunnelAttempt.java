package io.clickstream.topology.funnel;

/**
 * A visitor's attempt at one funnel: started at {@code start} (its step-1 event) under the funnel
 * version published at {@code version}, it has reached step {@code reached}, the latest at {@code
 * last}, and stays open until {@code expires} (start + window_ms).
 */
public record FunnelAttempt(long version, long start, int reached, long last, long expires) {
  FunnelAttempt advance(long ts) {
    return new FunnelAttempt(version, start, reached + 1, ts, expires);
  }
}
