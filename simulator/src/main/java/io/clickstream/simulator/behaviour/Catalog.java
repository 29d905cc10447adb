package io.clickstream.simulator.behaviour;

import java.util.List;
import java.util.Optional;

/**
 * What the simulated shop and its audience are made of: products, blog posts, where visitors come
 * from and which browsers they use. Shares are rough figures of public web-traffic statistics; they
 * make the dashboards look plausible, nothing depends on them being exact.
 */
public final class Catalog {
  public static final String SITE = "https://shop.example";

  /** A product of the shop; its page is {@code /products/<slug>}. */
  public record Item(String id, String slug, String name, double price) {}

  public static final List<Item> PRODUCTS =
      List.of(
          new Item("sku-1001", "desk-lamp", "Desk lamp", 39.90),
          new Item("sku-1002", "oak-chair", "Oak chair", 149.00),
          new Item("sku-1003", "wool-rug", "Wool rug", 219.50),
          new Item("sku-1004", "ceramic-mug", "Ceramic mug", 12.00),
          new Item("sku-1005", "linen-throw", "Linen throw", 59.99),
          new Item("sku-1006", "wall-clock", "Wall clock", 45.00),
          new Item("sku-1007", "bookshelf", "Bookshelf", 329.00),
          new Item("sku-1008", "plant-pot", "Plant pot", 18.50),
          new Item("sku-1009", "floor-lamp", "Floor lamp", 119.00),
          new Item("sku-1010", "side-table", "Side table", 89.00));

  public static final List<String> BLOG_POSTS =
      List.of("/blog/small-flat-big-ideas", "/blog/choosing-a-rug", "/blog/lighting-101");

  /** Where a session comes from: a referrer URL (null: typed or bookmarked) and UTM tags. */
  public record Source(String referrer, String utmSource, String utmMedium, String utmCampaign) {
    static Source referrer(String url) {
      return new Source(url, null, null, null);
    }

    boolean tagged() {
      return utmSource != null;
    }
  }

  public static final Weighted<Source> SOURCES =
      new Weighted<Source>()
          .add(33, Source.referrer(null))
          .add(26, Source.referrer("https://www.google.com/"))
          .add(4, Source.referrer("https://www.bing.com/"))
          .add(3, Source.referrer("https://duckduckgo.com/"))
          .add(6, Source.referrer("https://www.facebook.com/"))
          .add(4, Source.referrer("https://t.co/x7Qp2"))
          .add(3, Source.referrer("https://news.ycombinator.com/item?id=41234567"))
          .add(4, Source.referrer("https://www.reddit.com/r/malelivingspace/"))
          .add(3, Source.referrer("android-app://com.google.android.gm/"))
          .add(8, new Source(null, "newsletter", "email", "black_friday"))
          .add(4, new Source("https://www.google.com/", "google", "cpc", "lamps_q4"))
          .add(2, new Source("https://www.instagram.com/", "instagram", "social", "spring_launch"));

  /**
   * A browser people use: its User-Agent header, and the browser family, OS and device type the
   * pipeline derives from it (DESIGN §4; SimulatorUserAgentsTest holds the topology to them).
   */
  public record Browser(String userAgent, String browser, String os, String device) {}

  public static final Weighted<Browser> BROWSERS =
      new Weighted<Browser>()
          .add(
              28,
              new Browser(
                  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                      + " Chrome/126.0.0.0 Safari/537.36",
                  "Chrome",
                  "Windows",
                  "desktop"))
          .add(
              19,
              new Browser(
                  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                      + " Chrome/126.0.0.0 Mobile Safari/537.36",
                  "Chrome",
                  "Android",
                  "mobile"))
          .add(
              17,
              new Browser(
                  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML,"
                      + " like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                  "Safari",
                  "iOS",
                  "mobile"))
          .add(
              8,
              new Browser(
                  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                      + " Version/17.5 Safari/605.1.15",
                  "Safari",
                  "macOS",
                  "desktop"))
          .add(
              5,
              new Browser(
                  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                      + " Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
                  "Edge",
                  "Windows",
                  "desktop"))
          .add(
              5,
              new Browser(
                  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
                  "Firefox",
                  "Windows",
                  "desktop"))
          .add(
              4,
              new Browser(
                  "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
                  "Firefox",
                  "Linux",
                  "desktop"))
          .add(
              4,
              new Browser(
                  "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko)"
                      + " SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
                  "Samsung Internet",
                  "Android",
                  "mobile"))
          .add(
              4,
              new Browser(
                  "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
                      + " Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                  "Safari",
                  "iOS",
                  "tablet"))
          .add(
              6,
              new Browser(
                  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like"
                      + " Gecko) Chrome/126.0.0.0 Safari/537.36",
                  "Chrome",
                  "macOS",
                  "desktop"));

  /**
   * Crawlers and scripts, which the pipeline recognises from their User-Agent (docs/topology.md):
   * search engines, an SEO crawler, HTTP client libraries and a headless browser.
   */
  public static final Weighted<String> BOTS =
      new Weighted<String>()
          .add(4, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
          .add(2, "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")
          .add(2, "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")
          .add(1, "curl/8.5.0")
          .add(1, "python-requests/2.32.3")
          .add(
              1,
              "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                  + " HeadlessChrome/126.0.0.0 Safari/537.36");

  private Catalog() {}

  /** Whether a User-Agent of this catalogue is a bot's; the truth leaves their events out. */
  public static boolean isBot(String userAgent) {
    return BOTS.values().contains(userAgent);
  }

  /** The browser of this catalogue with this User-Agent. */
  public static Optional<Browser> browser(String userAgent) {
    return BROWSERS.values().stream().filter(b -> b.userAgent().equals(userAgent)).findFirst();
  }
}
