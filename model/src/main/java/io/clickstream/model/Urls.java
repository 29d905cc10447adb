package io.clickstream.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient absolute-URL checks. {@link java.net.URI} is too strict for what browsers report (it
 * rejects e.g. an unencoded {@code |} in a query that {@code location.href} keeps), so this checks
 * only what the pipeline relies on: a scheme, a host, and no whitespace or control characters.
 */
final class Urls {
  private static final Pattern HTTP = Pattern.compile("(?i)https?://([^/?#]*).*", Pattern.DOTALL);
  private static final Pattern HIERARCHICAL =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*).*", Pattern.DOTALL);
  private static final Pattern PORT = Pattern.compile("(:[0-9]*)?");

  private Urls() {}

  /** What a page URL must be: {@code http} or {@code https} with a host. */
  static boolean isHttpUrl(String url) {
    return matchesWithHost(HTTP, url);
  }

  /**
   * What a referrer must be: any scheme with an authority ({@code android-app://…} is a real
   * referrer), which rules out {@code javascript:} and {@code data:}.
   */
  static boolean isAbsoluteUrl(String url) {
    return matchesWithHost(HIERARCHICAL, url);
  }

  private static boolean matchesWithHost(Pattern pattern, String url) {
    if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      return false;
    }
    Matcher m = pattern.matcher(url);
    return m.matches() && hasHost(m.group(1));
  }

  private static boolean hasHost(String authority) {
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    if (hostAndPort.startsWith("[")) { // IPv6 literal
      int close = hostAndPort.indexOf(']');
      return close > 1 && PORT.matcher(hostAndPort.substring(close + 1)).matches();
    }
    int colon = hostAndPort.indexOf(':');
    String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    String port = colon < 0 ? "" : hostAndPort.substring(colon);
    return !host.isEmpty()
        && host.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-._~%".indexOf(c) >= 0)
        && PORT.matcher(port).matches();
  }
}
