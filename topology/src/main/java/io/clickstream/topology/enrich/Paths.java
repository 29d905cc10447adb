package io.clickstream.topology.enrich;

import java.net.URI;

/** DESIGN §4's path: the URL's path without query and fragment, trailing slash removed. */
public final class Paths {
  private Paths() {}

  public static String of(String url) {
    String path;
    try {
      path = URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      path = fallbackPath(url);
    }
    if (path == null || path.isEmpty()) {
      return "/";
    }
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  /** For URLs that java.net.URI refuses (unescaped spaces, say): cut by hand. */
  private static String fallbackPath(String url) {
    int schemeEnd = url.indexOf("://");
    int start = url.indexOf('/', schemeEnd < 0 ? 0 : schemeEnd + 3);
    if (start < 0) {
      return "/";
    }
    int end = url.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = url.indexOf(stop, start);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return url.substring(start, end);
  }
}
