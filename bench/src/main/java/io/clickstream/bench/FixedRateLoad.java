package io.clickstream.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load at a fixed arrival rate: operation i starts at its scheduled time whether or
 * not earlier ones finished, and its latency counts from that time, so a stall shows in the
 * percentiles instead of hiding (no coordinated omission).
 */
final class FixedRateLoad {
  private FixedRateLoad() {}

  /** The percentiles of one phase. */
  record Result(
      String name, int rate, long count, double p50Ms, double p99Ms, int errors, double load) {
    String row() {
      return String.format(
          "| %s | %d/s | %.2f ms | %.2f ms | %d of %d | %.1f |",
          name, rate, p50Ms, p99Ms, errors, count, load);
    }
  }

  /** Starts op(i) every 1/rate seconds for the duration; latency from each scheduled start. */
  static Result run(String name, int rate, Duration duration, IntFunction<CompletableFuture<?>> op)
      throws Exception {
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    int total = (int) (duration.toSeconds() * rate);
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>(total);
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      pending.add(
          op.apply(i)
              .whenComplete(
                  (value, error) -> {
                    if (error != null) {
                      errors.incrementAndGet();
                    } else {
                      latencies.add(System.nanoTime() - scheduled);
                    }
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .get(2, TimeUnit.MINUTES);
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    Result result =
        new Result(
            name,
            rate,
            total,
            percentile(sorted, 0.50),
            percentile(sorted, 0.99),
            errors.get(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (!name.startsWith("warm-up")) {
      System.out.println(result.row());
    }
    return result;
  }

  /** The results as a Markdown table, as BENCHMARKS.md shows them. */
  static void printTable(List<Result> results) {
    System.out.println();
    System.out.println("| what | rate | p50 | p99 | errors | load average after |");
    System.out.println("|---|---|---|---|---|---|");
    for (Result result : results) {
      System.out.println(result.row());
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }
}
