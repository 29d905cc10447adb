package io.clickstream.topology.enrich;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host of an absolute URL, cut by hand rather than with java.net.URI: URI refuses URLs that
 * browsers send every day (spaces, {@code |}, non-ASCII hosts) and returns no host for some it
 * accepts.
 */
public final class Hosts {
  // RFC 3986 scheme, then "//": "https://", "android-app://". A URL without one has no host here.
  private static final Pattern SCHEME_AND_SLASHES = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

  private Hosts() {}

  /**
   * The host of {@code url}, lower-cased, without user info, port or a trailing dot; empty when the
   * URL is missing, not absolute or has an empty host.
   */
  public static Optional<String> of(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String trimmed = url.strip();
    var scheme = SCHEME_AND_SLASHES.matcher(trimmed);
    if (!scheme.find()) {
      return Optional.empty();
    }
    String authority = authority(trimmed, scheme.end());
    String host = withoutPort(authority.substring(authority.lastIndexOf('@') + 1));
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.isEmpty() ? Optional.empty() : Optional.of(host);
  }

  /**
   * {@code host} without a leading {@code www.}: {@code www.google.com} and {@code google.com} are
   * one site.
   */
  public static String withoutWww(String host) {
    return host.startsWith("www.") ? host.substring("www.".length()) : host;
  }

  private static String authority(String url, int start) {
    int end = url.length();
    for (char stop : new char[] {'/', '?', '#', '\\'}) {
      int at = url.indexOf(stop, start);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return url.substring(start, end);
  }

  private static String withoutPort(String hostAndPort) {
    if (hostAndPort.startsWith("[")) { // IPv6 literal: the port follows the closing bracket.
      int close = hostAndPort.indexOf(']');
      return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
    }
    int colon = hostAndPort.indexOf(':');
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }
}
