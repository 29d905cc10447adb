package io.clickstream.metadata.tokens;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The HTML an app's pages include to load the tracker from the collector with the app token. */
public final class TrackingSnippet {
  private final String collectorPublicUrl;

  /**
   * @param collectorPublicUrl where browsers reach the collector, e.g. {@code
   *     https://collect.shop.example}
   */
  public TrackingSnippet(String collectorPublicUrl) {
    this.collectorPublicUrl = checked(collectorPublicUrl);
  }

  public String collectorPublicUrl() {
    return collectorPublicUrl;
  }

  public String html(String token) {
    return "<script async src=\""
        + escape(collectorPublicUrl + "/sdk.js")
        + "\" data-token=\""
        + escape(token)
        + "\"></script>";
  }

  /** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
  static String checked(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "The collector's public URL must be an http(s) URL without query: " + url);
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("The collector's public URL is not a URL: " + url, e);
    }
  }

  private static String escape(String value) {
    return value
        .replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
