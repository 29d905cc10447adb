package io.clickstream.query.endpoints;

import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.QueryParams;
import io.undertow.server.HttpServerExchange;
import java.util.List;

/** Query parameters shared by the endpoints, with 400s that name the parameter. */
final class Params {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private Params() {}

  static int limit(HttpServerExchange exchange) {
    return QueryParams.intValue(exchange, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  /** A parameter that must be one of {@code allowed}; the first one is the default. */
  static String oneOf(HttpServerExchange exchange, String name, List<String> allowed) {
    String value = QueryParams.optional(exchange, name).orElse(allowed.get(0));
    if (!allowed.contains(value)) {
      throw ApiException.badRequest(
          "Parameter '" + name + "' must be one of " + String.join(", ", allowed) + ".");
    }
    return value;
  }
}
