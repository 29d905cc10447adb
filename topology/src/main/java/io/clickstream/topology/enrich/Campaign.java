package io.clickstream.topology.enrich;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * DESIGN §4's campaign: the {@code utm_source}, {@code utm_medium} and {@code utm_campaign} of a
 * page URL. Values are percent-decoded ({@code +} is a space) and trimmed; their case is kept as
 * sent, so {@code Newsletter} and {@code newsletter} are two sources, as in Google Analytics. A
 * missing or blank part is the empty string.
 */
public record Campaign(String source, String medium, String campaign) {

  /**
   * The URL's campaign, present when any of the three parameters has a value. Parameter names are
   * matched exactly (lower case); the first occurrence of a name wins; parameters after {@code #}
   * are part of the fragment and are ignored.
   */
  public static Optional<Campaign> fromUrl(String pageUrl) {
    if (pageUrl == null) {
      return Optional.empty();
    }
    String query = query(pageUrl);
    Campaign found =
        new Campaign(
            parameter(query, "utm_source"),
            parameter(query, "utm_medium"),
            parameter(query, "utm_campaign"));
    boolean any = !(found.source.isEmpty() && found.medium.isEmpty() && found.campaign.isEmpty());
    return any ? Optional.of(found) : Optional.empty();
  }

  /** {@code source/medium/campaign}, a missing part empty: {@code news//bf}. */
  public String key() {
    return source + "/" + medium + "/" + campaign;
  }

  private static String query(String url) {
    int fragment = url.indexOf('#');
    String beforeFragment = fragment < 0 ? url : url.substring(0, fragment);
    int question = beforeFragment.indexOf('?');
    return question < 0 ? "" : beforeFragment.substring(question + 1);
  }

  private static String parameter(String query, String name) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      if (decode(rawName).equals(name)) {
        return equals < 0 ? "" : decode(pair.substring(equals + 1)).strip();
      }
    }
    return "";
  }

  /**
   * Lenient: a malformed escape such as {@code %zz} is kept as sent rather than failing the event.
   */
  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw.replace('+', ' ');
    }
  }
}
