package io.clickstream.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Kafka Streams' stream-thread ratios (poll, process, punctuate, commit), read over JMX while the
 * benchmark runs and averaged: they tell whether the thread waits for data, computes, or commits.
 */
final class ThreadTime {
  private static final String[] RATIOS = {
    "poll-ratio", "process-ratio", "punctuate-ratio", "commit-ratio"
  };

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final Map<String, double[]> sums = new LinkedHashMap<>();
  private int samples;
  private String failure;

  void sample() throws JMException {
    Set<ObjectName> threads =
        server.queryNames(new ObjectName("kafka.streams:type=stream-thread-metrics,*"), null);
    if (threads.isEmpty()) {
      return;
    }
    samples++;
    for (ObjectName thread : threads) {
      double[] sum =
          sums.computeIfAbsent(thread.getKeyProperty("thread-id"), t -> new double[RATIOS.length]);
      for (int i = 0; i < RATIOS.length; i++) {
        try {
          Object value = server.getAttribute(thread, RATIOS[i]);
          if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
            sum[i] += number.doubleValue();
          }
        } catch (JMException | RuntimeException e) {
          // The thread went away between the query and the read: the sample is skipped.
          failure = e.toString();
        }
      }
    }
  }

  String summary() {
    StringBuilder out = new StringBuilder();
    sums.forEach(
        (thread, sum) -> {
          out.append(thread.replaceAll(".*-(StreamThread-\\d+)$", "$1"));
          for (int i = 0; i < RATIOS.length; i++) {
            out.append(String.format("  %s %.2f", RATIOS[i], sum[i] / Math.max(1, samples)));
          }
          out.append('\n');
        });
    if (failure != null) {
      out.append("(some samples failed: ").append(failure).append(")\n");
    }
    return out.toString();
  }
}
