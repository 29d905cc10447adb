package io.clickstream.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** One synthetic visitor walking a small shop: landing, listing, product, cart, checkout. */
final class Visitor {
  private static final String SITE = "https://shop.example";
  private static final List<String> PAGES =
      List.of("/", "/products", "/products/lamp", "/products/chair", "/cart", "/checkout", "/blog");
  private static final List<String> REFERRERS =
      List.of("", "https://www.google.com/", "https://news.ycombinator.com/", "https://t.co/x");

  /** Real browsers' User-Agents, roughly in the proportions of web traffic. */
  private static final List<String> USER_AGENTS =
      List.of(
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/126.0.0.0 Safari/537.36",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/126.0.0.0 Safari/537.36",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML,"
              + " like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
          "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
              + " Chrome/126.0.0.0 Mobile Safari/537.36",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"
              + " Version/17.5 Safari/605.1.15",
          "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0");

  final String id;
  final String userAgent;
  private final Random random;
  private String page;
  private long clock;

  Visitor(Random random, long startMillis) {
    this.random = random;
    this.id = new UUID(random.nextLong(), random.nextLong()).toString();
    this.userAgent = USER_AGENTS.get(random.nextInt(USER_AGENTS.size()));
    this.clock = startMillis;
  }

  /** The next few events of this visitor: a pageview and sometimes a click on it. */
  List<Map<String, Object>> nextEvents(long now) {
    clock = Math.max(clock + 1_000 + random.nextInt(20_000), now);
    String previous = page;
    page = PAGES.get(random.nextInt(PAGES.size()));
    List<Map<String, Object>> events = new ArrayList<>();
    events.add(
        Map.of(
            "id",
            new UUID(random.nextLong(), random.nextLong()).toString(),
            "type",
            "pageview",
            "ts",
            clock,
            "url",
            SITE + page,
            "referrer",
            previous == null ? REFERRERS.get(random.nextInt(REFERRERS.size())) : SITE + previous));
    if (random.nextInt(3) == 0) {
      events.add(
          Map.of(
              "id",
              new UUID(random.nextLong(), random.nextLong()).toString(),
              "type",
              "click",
              "ts",
              clock + 500,
              "target",
              "#button-" + random.nextInt(4),
              "x",
              random.nextInt(1200),
              "y",
              random.nextInt(800)));
    }
    return events;
  }
}
