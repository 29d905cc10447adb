package io.clickstream.simulator.truth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DESIGN §4's entry referrer and campaign of a session's first pageview. */
final class EntrySource {
  static final String DIRECT = "(direct)";

  /** {@code scheme://} then the authority, up to the path, query or fragment. */
  private static final Pattern AUTHORITY =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#\\\\]*)");

  private EntrySource() {}

  /**
   * The referrer's host, lower-cased, without a leading {@code www.}, when it differs from the
   * page's host; otherwise {@code (direct)}.
   */
  static String referrer(String referrerUrl, String pageUrl) {
    String referrer = site(referrerUrl);
    return referrer == null || referrer.equals(site(pageUrl)) ? DIRECT : referrer;
  }

  /** {@code source/medium/campaign} of the URL's UTM parameters, or null without any. */
  static String campaign(String pageUrl) {
    int fragment = pageUrl.indexOf('#');
    String url = fragment < 0 ? pageUrl : pageUrl.substring(0, fragment);
    int question = url.indexOf('?');
    String query = question < 0 ? "" : url.substring(question + 1);
    String source = parameter(query, "utm_source");
    String medium = parameter(query, "utm_medium");
    String campaign = parameter(query, "utm_campaign");
    return source.isEmpty() && medium.isEmpty() && campaign.isEmpty()
        ? null
        : source + "/" + medium + "/" + campaign;
  }

  private static String site(String url) {
    if (url == null) {
      return null;
    }
    Matcher authority = AUTHORITY.matcher(url.strip());
    if (!authority.find()) {
      return null;
    }
    String host = authority.group(1);
    host = host.substring(host.lastIndexOf('@') + 1);
    int colon = host.indexOf(':');
    host = (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    return host.isEmpty() ? null : host;
  }

  /** The first value of the parameter, decoded and trimmed; empty when absent. */
  private static String parameter(String query, String name) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        return equals < 0
            ? ""
            : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8).strip();
      }
    }
    return "";
  }
}
