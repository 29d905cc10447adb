package io.clickstream.query.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import io.clickstream.platform.http.JsonEndpoint;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /openapi.json}: the OpenAPI 3.1 description of this API, kept beside the code as {@value
 * #RESOURCE} (a test validates real responses against it).
 */
public final class OpenApiEndpoint implements JsonEndpoint {
  public static final String RESOURCE = "/io/clickstream/query/openapi/openapi.json";

  private final JsonNode document = load();

  @Override
  public JsonNode handle(HttpServerExchange exchange) {
    return document;
  }

  public static JsonNode load() {
    try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
