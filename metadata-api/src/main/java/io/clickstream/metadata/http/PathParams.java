package io.clickstream.metadata.http;

import io.undertow.server.HttpServerExchange;
import java.util.UUID;
import java.util.regex.Pattern;

/** Path parameters of the metadata API: platform's {@code PathParams}, plus ids. */
public final class PathParams {
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private PathParams() {}

  public static String text(HttpServerExchange exchange, String name) {
    return io.clickstream.platform.http.PathParams.text(exchange, name);
  }

  /** An id: anything that is not one names nothing, so it is a 404 like an unknown id. */
  public static UUID id(HttpServerExchange exchange, String name, String what) {
    String value = text(exchange, name).toLowerCase(java.util.Locale.ROOT);
    if (!CANONICAL_UUID.matcher(value).matches()) {
      throw ApiErrors.notFound(what);
    }
    return UUID.fromString(value);
  }
}
