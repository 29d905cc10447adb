package io.clickstream.platform.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;

/** Reading request bodies on a worker thread, bounded in size. */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * The body's bytes; 413 when it is longer than {@code maxBytes}, whatever Content-Length says.
   */
  public static byte[] read(HttpServerExchange exchange, int maxBytes) throws IOException {
    long declared = exchange.getRequestContentLength();
    if (declared > maxBytes) {
      throw ApiException.tooLarge("The body is larger than " + maxBytes + " bytes.");
    }
    exchange.startBlocking();
    try (InputStream in = exchange.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw ApiException.tooLarge("The body is larger than " + maxBytes + " bytes.");
      }
      return body;
    }
  }

  /** The body as a JSON tree; 400 when it is not JSON, 413 when it is too large. */
  public static JsonNode readJson(HttpServerExchange exchange, int maxBytes) throws IOException {
    byte[] body = read(exchange, maxBytes);
    if (body.length == 0) {
      throw ApiException.malformed("The request body is empty; a JSON document is expected.");
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.malformed("The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Refuses content types other than the given ones (a missing Content-Type is accepted). */
  public static void requireContentType(HttpServerExchange exchange, String... allowed) {
    String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (contentType == null) {
      return;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    for (String candidate : allowed) {
      if (candidate.equals(mediaType)) {
        return;
      }
    }
    throw ApiException.unsupportedMediaType(
        "Content-Type "
            + mediaType
            + " is not accepted; use "
            + String.join(" or ", allowed)
            + ".");
  }
}
