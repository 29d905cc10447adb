package io.clickstream.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small JSON HTTP client for tests. */
public final class Http {
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /** One answer: status, headers and the body parsed as JSON (null when it is not JSON). */
  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonNode json() {
      return Json.readTree(body);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String text(String field) {
      return json().path(field).asText();
    }
  }

  public static Reply get(String url, String bearer) {
    return send("GET", url, bearer, null);
  }

  public static Reply send(String method, String url, String bearer, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(
          response.statusCode(),
          response.headers().map(),
          new String(response.body(), StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + url + " failed", e);
    }
  }
}
