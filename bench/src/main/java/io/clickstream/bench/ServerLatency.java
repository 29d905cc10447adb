package io.clickstream.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server measured itself: the cumulative buckets of its request timer for one route, read
 * from its {@code /metrics} before and after a phase. Set next to the harness's percentiles, it
 * tells the server's time from the time a request waited for a core, a collector pause or the
 * harness.
 */
final class ServerLatency {
  private static final Pattern BUCKET =
      Pattern.compile(
          "^http_server_requests_seconds_bucket\\{(.*)le=\"([0-9.]+|\\+Inf)\"[^}]*} ([0-9.E]+)$");

  private ServerLatency() {}

  /**
   * Successful requests of the route ending with {@code routeSuffix}, by upper bound in ms (+Inf:
   * all of them), cumulative.
   */
  static Map<Double, Long> scrape(HttpClient client, String baseUrl, String routeSuffix)
      throws Exception {
    String metrics =
        client
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<Double, Long> counts = new TreeMap<>();
    for (String line : metrics.split("\n")) {
      Matcher m = BUCKET.matcher(line);
      if (m.matches()
          && m.group(1).contains(routeSuffix + "\"") // a label (the route) ending with it
          && m.group(1).contains("status=\"200\"")) {
        double bound =
            m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
        counts.merge(bound * 1000, (long) Double.parseDouble(m.group(3)), Long::sum);
      }
    }
    return counts;
  }

  /**
   * e.g. {@code server-side, of 15000: 97.06 % ≤ 1 ms, 98.54 % ≤ 2 ms, 99.79 % ≤ 5 ms, 99.99 % ≤ 10
   * ms}: the requests between the two scrapes.
   */
  static String between(Map<Double, Long> before, Map<Double, Long> after) {
    long total =
        after.values().stream().mapToLong(Long::longValue).max().orElse(0)
            - before.values().stream().mapToLong(Long::longValue).max().orElse(0);
    StringBuilder text = new StringBuilder("server-side, of " + total + ":");
    for (double bound : new double[] {1, 2, 5, 10}) {
      long within = after.getOrDefault(bound, 0L) - before.getOrDefault(bound, 0L);
      text.append(
          String.format(" %.2f %% ≤ %.0f ms,", total == 0 ? 0 : 100.0 * within / total, bound));
    }
    return text.substring(0, text.length() - 1);
  }
}
