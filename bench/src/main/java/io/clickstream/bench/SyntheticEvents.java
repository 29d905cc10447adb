package io.clickstream.bench;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Product;
import java.util.Random;
import java.util.UUID;

/**
 * A reproducible stream of stamped events as the collector writes them: a few apps, many visitors,
 * a mix of types over a set of pages, in time order over one hour. Roughly 300 bytes of JSON each.
 */
final class SyntheticEvents {
  private static final String[] USER_AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"
        + " Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
        + " Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/126.0.0.0 Mobile Safari/537.36"
  };

  private final Random random;
  private final int apps;
  private final int visitors;
  private final int paths;
  private final long start;
  private final long stepMillis;
  private long index;

  SyntheticEvents(long seed, int apps, int visitors, int paths, long start, long total) {
    this.random = new Random(seed);
    this.apps = apps;
    this.visitors = visitors;
    this.paths = paths;
    this.start = start;
    this.stepMillis = Math.max(1, 3_600_000 / Math.max(1, total));
    this.index = 0;
  }

  Event next() {
    long ts = start + index++ * stepMillis;
    int visitor = random.nextInt(visitors);
    String app = "bench-app-" + (visitor % apps);
    String page = "https://shop.example/p/" + random.nextInt(paths);
    int kind = random.nextInt(100);
    Event.Builder event =
        Event.builder()
            .id(new UUID(random.nextLong(), random.nextLong()).toString())
            .ts(ts)
            .appId(app)
            .visitorId("visitor-" + visitor)
            .receivedAt(ts)
            .userAgent(USER_AGENTS[visitor % USER_AGENTS.length])
            .ipHash("9f2c1e0a7b3d4c5e6f708192a3b4c5d6");
    if (kind < 55) {
      return event.type(EventType.PAGEVIEW).url(page).referrer("https://www.google.com/").build();
    } else if (kind < 80) {
      return event.type(EventType.CLICK).url(page).target("#cta-" + random.nextInt(5)).build();
    } else if (kind < 92) {
      return event
          .type(EventType.HOVER)
          .url(page)
          .target("#menu")
          .elapsedMs((long) random.nextInt(3000))
          .build();
    } else if (kind < 97) {
      return event.type(EventType.CUSTOM).name("signup").build();
    } else {
      return event
          .type(EventType.PRODUCT_VIEW)
          .product(new Product("sku-" + random.nextInt(100), null, 19.99, "EUR", 1))
          .build();
    }
  }
}
