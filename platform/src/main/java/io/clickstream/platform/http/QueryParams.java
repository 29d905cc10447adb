package io.clickstream.platform.http;

import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.Optional;

/** Path and query parameters with 400s that name the parameter. */
public final class QueryParams {
  private QueryParams() {}

  /** A path template parameter ({@code {appId}}) or a query parameter, if present and non-blank. */
  public static Optional<String> optional(HttpServerExchange exchange, String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    if (values == null || values.isEmpty() || values.peekFirst().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(values.peekFirst());
  }

  public static String required(HttpServerExchange exchange, String name) {
    return optional(exchange, name)
        .orElseThrow(() -> ApiException.badRequest("Parameter '" + name + "' is required."));
  }

  public static int intValue(
      HttpServerExchange exchange, String name, int fallback, int min, int max) {
    Optional<String> raw = optional(exchange, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw ApiException.badRequest(
            "Parameter '" + name + "' must be between " + min + " and " + max + ".");
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Parameter '" + name + "' must be an integer.");
    }
  }
}
