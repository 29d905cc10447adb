package io.clickstream.topology.enrich;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints what the User-Agent parser costs: build time, heap it retains, a parse of a User-Agent
 * never seen before (a cache miss) and of one seen before (a hit), and the heap of a full cache.
 * Run: {@code ./mvnw -q -pl topology test-compile exec:java
 * -Dexec.mainClass=io.clickstream.topology.enrich.UserAgentParserBenchmark
 * -Dexec.classpathScope=test}.
 */
public final class UserAgentParserBenchmark {
  private static final List<String> BASE =
      List.of(
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80",
          "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1",
          "Mozilla/5.0 (iPad; CPU OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1",
          "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
          "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Safari/537.36",
          "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
          "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
          "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36",
          "curl/8.5.0",
          "python-requests/2.31.0");

  private static final Pattern LAST_VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?!.*\\d+\\.\\d+)");

  private UserAgentParserBenchmark() {}

  public static void main(String[] args) {
    // Built first so that the heap figures below leave them out.
    List<String> distinct = distinctUserAgents(30_000);
    int warmUp = 10_000;
    long heapBefore = usedHeapAfterGc();
    long start = System.nanoTime();
    UserAgentParser parser = new UserAgentParser(UserAgentParser.DEFAULT_CACHE_SIZE);
    long initMs = (System.nanoTime() - start) / 1_000_000;
    long heapAfterInit = usedHeapAfterGc();
    System.out.printf(
        "init: %d ms, retained heap: %.1f MB%n",
        initMs, (heapAfterInit - heapBefore) / 1_048_576.0);

    // Misses: every User-Agent distinct (the last version number varies), so nothing is cached.
    for (String userAgent : distinct.subList(0, warmUp)) {
      parser.parse(userAgent);
    }
    start = System.nanoTime();
    for (String userAgent : distinct.subList(warmUp, distinct.size())) {
      parser.parse(userAgent);
    }
    double missMicros = (System.nanoTime() - start) / 1_000.0 / (distinct.size() - warmUp);
    System.out.printf("parse, cache miss: %.1f µs%n", missMicros);

    // Our cache (full now) plus what yauaa's parser keeps from the inputs it has seen; running
    // with a cache of 1 entry tells the two apart.
    long heapAfterParses = usedHeapAfterGc();
    System.out.printf(
        "heap growth after %d distinct User-Agents (cache of %d full): %.1f MB%n",
        distinct.size(),
        UserAgentParser.DEFAULT_CACHE_SIZE,
        (heapAfterParses - heapAfterInit) / 1_048_576.0);

    // Hits: the same few strings again and again, as real traffic mostly is.
    for (String userAgent : BASE) {
      parser.parse(userAgent);
    }
    int hits = 2_000_000;
    int bots = 0;
    start = System.nanoTime();
    for (int i = 0; i < hits; i++) {
      bots += parser.parse(BASE.get(i % BASE.size())).bot() ? 1 : 0;
    }
    double hitMicros = (System.nanoTime() - start) / 1_000.0 / hits;
    System.out.printf("parse, cache hit: %.3f µs (%d bots)%n", hitMicros, bots);
  }

  private static List<String> distinctUserAgents(int count) {
    List<String> userAgents = new ArrayList<>(count);
    for (int i = 0; userAgents.size() < count; i++) {
      String base = BASE.get(i % BASE.size());
      Matcher version = LAST_VERSION.matcher(base);
      userAgents.add(
          version.find()
              ? base.substring(0, version.start(2)) + i + base.substring(version.end(2))
              : base + " " + i);
    }
    return userAgents;
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
