package io.clickstream.platform.http;

import io.clickstream.model.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.Map;

/** Writing JSON bodies and the one error shape. */
public final class JsonExchanges {
  private JsonExchanges() {}

  public static void send(HttpServerExchange exchange, int status, Object body) {
    send(exchange, status, body, Map.of());
  }

  public static void send(
      HttpServerExchange exchange, int status, Object body, Map<String, String> headers) {
    byte[] bytes = Json.toBytes(body);
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    headers.forEach(
        (name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
    exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
  }

  public static void sendError(HttpServerExchange exchange, ApiException error) {
    Map<String, String> headers =
        error.retryAfterSeconds() == null
            ? Map.of()
            : Map.of("Retry-After", String.valueOf(error.retryAfterSeconds()));
    send(exchange, error.status(), errorBody(error.code(), error.getMessage()), headers);
  }

  public static ErrorBody errorBody(String code, String message) {
    return new ErrorBody(new ErrorBody.Error(code, message));
  }

  /** {@code {"error":{"code","message"}}}, the one error shape of every Clickstream API. */
  public record ErrorBody(Error error) {
    public record Error(String code, String message) {}
  }
}
