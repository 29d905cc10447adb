package io.clickstream.simulator.report;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The run's counters, updated by every sender thread: events sent (duplicate deliveries included),
 * accepted, rejected as intended (malformed) and not as intended, failed chunks, and latencies.
 */
public final class RunStats {
  private final LongAdder sent = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder unexpectedlyRejected = new LongAdder();
  private final LongAdder unexpectedlyAccepted = new LongAdder();
  private final LongAdder failedChunks = new LongAdder();
  private final LongAdder uncertainEvents = new LongAdder();
  private final LongAdder duplicateEvents = new LongAdder();
  private final AtomicReference<String> firstError = new AtomicReference<>();
  private final Latencies all = new Latencies();
  private final Latencies recent = new Latencies();

  public void sent(int events, boolean duplicate) {
    sent.add(events);
    if (duplicate) {
      duplicateEvents.add(events);
    }
  }

  /**
   * @param unexpectedRejections well-formed events the collector refused
   * @param unexpectedAcceptances malformed events the collector took
   */
  public void answered(
      int acceptedEvents,
      int rejectedEvents,
      int unexpectedRejections,
      int unexpectedAcceptances,
      long latencyNanos) {
    accepted.add(acceptedEvents);
    rejected.add(rejectedEvents);
    unexpectedlyRejected.add(unexpectedRejections);
    unexpectedlyAccepted.add(unexpectedAcceptances);
    latency(latencyNanos);
  }

  public void failed(int events, long latencyNanos) {
    failedChunks.increment();
    uncertainEvents.add(events);
    latency(latencyNanos);
  }

  /** Keeps the first error for the summary: usually the one that explains the rest. */
  public void error(String error) {
    if (error != null) {
      firstError.compareAndSet(null, error);
    }
  }

  public String firstError() {
    return firstError.get();
  }

  private void latency(long nanos) {
    all.add(nanos);
    recent.add(nanos);
  }

  public long sent() {
    return sent.sum();
  }

  public long accepted() {
    return accepted.sum();
  }

  public long rejected() {
    return rejected.sum();
  }

  public long unexpectedlyRejected() {
    return unexpectedlyRejected.sum();
  }

  public long unexpectedlyAccepted() {
    return unexpectedlyAccepted.sum();
  }

  public long failedChunks() {
    return failedChunks.sum();
  }

  public long uncertainEvents() {
    return uncertainEvents.sum();
  }

  public long duplicateEvents() {
    return duplicateEvents.sum();
  }

  /** Everything went as the simulator meant it to: the truth is exact. */
  public boolean clean() {
    return unexpectedlyRejected() == 0 && unexpectedlyAccepted() == 0 && failedChunks() == 0;
  }

  /** p50 and p99 in ms over the whole run. */
  public double[] percentilesMs() {
    return all.percentilesMs();
  }

  /** p50 and p99 in ms since the last call. */
  double[] recentPercentilesMs() {
    return recent.drainPercentilesMs();
  }

  /** Latency samples in nanoseconds; a sorted copy answers percentiles. */
  private static final class Latencies {
    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
      if (size == samples.length) {
        samples = Arrays.copyOf(samples, size * 2);
      }
      samples[size++] = nanos;
    }

    synchronized double[] percentilesMs() {
      return percentiles(Arrays.copyOf(samples, size));
    }

    synchronized double[] drainPercentilesMs() {
      double[] result = percentiles(Arrays.copyOf(samples, size));
      size = 0;
      return result;
    }

    private static double[] percentiles(long[] sorted) {
      if (sorted.length == 0) {
        return new double[] {0, 0};
      }
      Arrays.sort(sorted);
      return new double[] {at(sorted, 0.50), at(sorted, 0.99)};
    }

    private static double at(long[] sorted, double quantile) {
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }
  }
}
