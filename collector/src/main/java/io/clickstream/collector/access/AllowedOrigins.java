package io.clickstream.collector.access;

import io.clickstream.model.config.AppConfig;
import java.net.URI;
import java.util.Locale;

/**
 * Which browser pages may send an app's events. When the app has a URL, only pages of that URL's
 * origin (scheme, host and port) may; without one, any page may. A request without an {@code
 * Origin} header does not come from a browser page (server SDKs, curl) and is not limited here:
 * outside a browser the header proves nothing, and the app token is the credential.
 */
public final class AllowedOrigins {
  private AllowedOrigins() {}

  public static boolean allows(AppConfig app, String originHeader) {
    if (originHeader == null || app.url() == null || app.url().isBlank()) {
      return true;
    }
    String allowed = originOf(app.url());
    return allowed == null || allowed.equals(originOf(originHeader));
  }

  /** {@code scheme://host[:port]}, lower-cased, the default port left out; null if not a URL. */
  static String originOf(String url) {
    try {
      URI uri = URI.create(url.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || ("http".equals(scheme) && port == 80)
              || ("https".equals(scheme) && port == 443);
      return scheme
          + "://"
          + uri.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
