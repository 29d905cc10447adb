package io.clickstream.topology.enrich;

import java.net.URI;

/**
 * DESIGN §4's path: the URL's path without query and fragment, trailing slash removed (root is
 * {@code /}). Percent-encoding is kept as sent, so {@code /caf%C3%A9} and {@code /café} are two
 * paths, as the browser reported them.
 */
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

  /** For URLs that java.net.URI refuses (unescaped spaces, {@code |}): cut by hand. */
  private static String fallbackPath(String url) {
    int schemeEnd = url.indexOf("://");
    int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int end = endOfPath(url, authorityStart);
    int start = url.indexOf('/', authorityStart);
    // A '/' after the query or fragment has started belongs to them, not to the path.
    if (start < 0 || start >= end) {
      return "/";
    }
    return url.substring(start, end);
  }

  private static int endOfPath(String url, int from) {
    int end = url.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = url.indexOf(stop, from);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return end;
  }
}
