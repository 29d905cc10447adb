package io.clickstream.simulator.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The progress line: on a terminal rewritten in place every second, otherwise a line every ten
 * seconds; and the summary at the end.
 */
public final class ProgressReporter {
  private final RunStats stats;
  private final PrintStream out;
  private final boolean terminal;
  private final long startedNanos = System.nanoTime();
  private final ScheduledExecutorService timer;
  private long lastSent;
  private long lastNanos = startedNanos;

  public ProgressReporter(RunStats stats, PrintStream out, boolean terminal) {
    this.stats = stats;
    this.out = out;
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "simulator-progress");
              thread.setDaemon(true);
              return thread;
            });
    long period = terminal ? 1 : 10;
    timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.SECONDS);
  }

  private synchronized void print() {
    long now = System.nanoTime();
    long sent = stats.sent();
    double rate = (sent - lastSent) / ((now - lastNanos) / 1e9);
    lastSent = sent;
    lastNanos = now;
    double[] latency = stats.recentPercentilesMs();
    String line =
        String.format(
            Locale.ROOT,
            "[%5.0fs] %,9.0f events/s  sent %,d  accepted %,d  rejected %,d  errors %,d"
                + "  p50 %.1f ms  p99 %.1f ms",
            (now - startedNanos) / 1e9,
            rate,
            sent,
            stats.accepted(),
            stats.rejected(),
            stats.failedChunks(),
            latency[0],
            latency[1]);
    if (terminal) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Stops the line and prints the summary. */
  public synchronized void summary(long lateRisks) {
    timer.shutdownNow();
    if (terminal) {
      out.println();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
    double[] latency = stats.percentilesMs();
    out.printf(
        Locale.ROOT,
        "Sent %,d events in %.1f s (%,.0f events/s), %,d of them duplicate deliveries.%n",
        stats.sent(),
        took.toNanos() / 1e9,
        stats.sent() / Math.max(took.toNanos() / 1e9, 1e-9),
        stats.duplicateEvents());
    out.printf(
        Locale.ROOT,
        "Accepted %,d; rejected %,d (%,d malformed on purpose); %,d chunks failed (%,d events"
            + " of unknown fate).%n",
        stats.accepted(),
        stats.rejected(),
        stats.rejected() - stats.unexpectedlyRejected(),
        stats.failedChunks(),
        stats.uncertainEvents());
    out.printf(Locale.ROOT, "Latency p50 %.1f ms, p99 %.1f ms.%n", latency[0], latency[1]);
    if (stats.unexpectedlyRejected() > 0 || stats.unexpectedlyAccepted() > 0) {
      out.printf(
          Locale.ROOT,
          "UNEXPECTED: %,d well-formed events rejected, %,d malformed events accepted.%n",
          stats.unexpectedlyRejected(),
          stats.unexpectedlyAccepted());
    }
    if (stats.firstError() != null) {
      out.println("First error: " + stats.firstError());
    }
    if (lateRisks > 0) {
      out.printf(
          Locale.ROOT,
          "%,d events were old enough that the topology may drop them as late.%n",
          lateRisks);
    }
    out.flush();
  }
}
