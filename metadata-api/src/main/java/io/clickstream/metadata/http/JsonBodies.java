package io.clickstream.metadata.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.clickstream.model.Json;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.RequestBodies;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;

/** Request bodies: JSON objects of bounded size, with duplicate keys refused. */
public final class JsonBodies {
  /** Far above any legitimate request here (a profile's traits are the largest). */
  public static final int MAX_BYTES = 64 * 1024;

  // A document with a key twice is ambiguous; which one wins differs between parsers.
  private static final ObjectReader READER =
      Json.MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private JsonBodies() {}

  public static JsonInput object(HttpServerExchange exchange) throws IOException {
    JsonInput input = optionalObject(exchange);
    if (input == null) {
      throw ApiException.malformed("The request body is empty; a JSON object is expected.");
    }
    return input;
  }

  /** The body's object, or null when the body is empty. */
  public static JsonInput optionalObject(HttpServerExchange exchange) throws IOException {
    RequestBodies.requireContentType(exchange, "application/json");
    byte[] body = RequestBodies.read(exchange, MAX_BYTES);
    if (body.length == 0) {
      return null;
    }
    JsonNode node;
    try {
      node = READER.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.malformed("The request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiException.malformed("The request body must be a JSON object.");
    }
    return new JsonInput("", node);
  }
}
