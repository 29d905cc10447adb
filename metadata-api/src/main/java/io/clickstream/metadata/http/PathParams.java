package io.clickstream.metadata.http;

import io.clickstream.platform.http.ApiException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parameters of the matched path template, read from the match itself: Undertow also copies them
 * into the query parameters, where {@code ?id=…} could shadow them.
 */
public final class PathParams {
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private PathParams() {}

  public static String text(HttpServerExchange exchange, String name) {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    String value = match == null ? null : match.getParameters().get(name);
    if (value == null || value.isEmpty()) {
      throw ApiException.notFound("No such path: " + exchange.getRequestPath());
    }
    return value;
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
