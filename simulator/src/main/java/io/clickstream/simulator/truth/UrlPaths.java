package io.clickstream.simulator.truth;

import java.net.URI;

/** DESIGN §4's path of a page URL: no query or fragment, no trailing slash, root is {@code /}. */
final class UrlPaths {
  private UrlPaths() {}

  static String of(String url) {
    String path = URI.create(url).getRawPath();
    if (path == null || path.isEmpty()) {
      return "/";
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }
}
