package io.clickstream.platform.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

/**
 * Parameters of the matched path template, read from the match itself: Undertow also copies them
 * into the query parameters, where {@code ?appId=…} could shadow them.
 */
public final class PathParams {
  private PathParams() {}

  /** The parameter's value; a missing or empty one names nothing, so it is a 404. */
  public static String text(HttpServerExchange exchange, String name) {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    String value = match == null ? null : match.getParameters().get(name);
    if (value == null || value.isEmpty()) {
      throw ApiException.notFound("No such path: " + exchange.getRequestPath());
    }
    return value;
  }
}
