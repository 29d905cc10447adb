package io.clickstream.metadata.apps;

import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.JsonInput;
import io.clickstream.metadata.http.Text;
import io.clickstream.model.config.AppSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The writable fields of an app, read from a POST (everything but the name optional) or a PATCH
 * (only what is present changes; {@code null} clears url and description).
 */
record AppFields(
    String name,
    String url,
    boolean urlGiven,
    String description,
    boolean descriptionGiven,
    Boolean isPublic,
    Integer rateLimitEps,
    Integer maxConnections,
    Integer sessionTimeoutMin) {

  static final int MAX_RATE_LIMIT_EPS = 100_000;
  static final int MAX_CONNECTIONS = 100_000;
  static final int MAX_SESSION_TIMEOUT_MIN = 24 * 60;

  static AppFields forCreate(JsonInput body) {
    AppFields fields = read(body);
    if (fields.name() == null) {
      throw ApiErrors.invalid("name", "is required");
    }
    return fields;
  }

  static AppFields forUpdate(JsonInput body) {
    if (body.isEmpty()) {
      throw ApiErrors.invalid("body", "must contain at least one field to change");
    }
    if (body.has("name") && body.node("name").isNull()) {
      throw ApiErrors.invalid("name", "cannot be removed");
    }
    return read(body);
  }

  /** The settings after applying these fields to {@code current}. */
  AppSettings settingsOver(AppSettings current) {
    return new AppSettings(
        rateLimitEps == null ? current.rateLimitEps() : rateLimitEps,
        maxConnections == null ? current.maxConnections() : maxConnections,
        sessionTimeoutMin == null ? current.sessionTimeoutMin() : sessionTimeoutMin);
  }

  private static AppFields read(JsonInput body) {
    body.allowOnly("name", "url", "description", "public", "settings");
    JsonInput settings = body.optionalObject("settings");
    Integer rate = null;
    Integer connections = null;
    Integer timeout = null;
    if (settings != null) {
      settings.allowOnly("rate_limit_eps", "max_connections", "session_timeout_min");
      rate = optionalInt(settings, "rate_limit_eps", MAX_RATE_LIMIT_EPS);
      connections = optionalInt(settings, "max_connections", MAX_CONNECTIONS);
      timeout = optionalInt(settings, "session_timeout_min", MAX_SESSION_TIMEOUT_MIN);
    }
    String url = body.optionalText("url", Text.URL);
    if (url != null) {
      url = checkedUrl(url);
    }
    return new AppFields(
        body.optionalText("name", Text.NAME),
        url,
        body.has("url"),
        body.optionalText("description", Text.DESCRIPTION),
        body.has("description"),
        body.optionalBoolean("public"),
        rate,
        connections,
        timeout);
  }

  private static Integer optionalInt(JsonInput settings, String field, int max) {
    Long value = settings.optionalLong(field, 1, max);
    return value == null ? null : value.intValue();
  }

  /** An absolute http(s) URL of a site, without credentials: CORS origins derive from it. */
  private static String checkedUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        throw ApiErrors.invalid("url", "must be an http or https URL such as https://shop.example");
      }
      return url;
    } catch (URISyntaxException e) {
      throw ApiErrors.invalid("url", "must be an http or https URL such as https://shop.example");
    }
  }
}
