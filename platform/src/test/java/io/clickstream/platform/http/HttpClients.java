package io.clickstream.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP/1.1 client for talking to an {@link HttpService} the way a real caller does. */
final class HttpClients {
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private HttpClients() {}

  static HttpRequest.Builder request(HttpService service, String path) {
    return HttpRequest.newBuilder(URI.create(service.url() + path)).timeout(Duration.ofSeconds(30));
  }

  static HttpResponse<String> get(HttpService service, String path)
      throws IOException, InterruptedException {
    return send(request(service, path).GET().build());
  }

  static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.readTree(response.body());
  }

  /** The one error body of every API: {@code {"error":{"code","message"}}}. */
  static JsonNode error(String code, String message) {
    return Json.readTree(Json.toJson(JsonExchanges.errorBody(code, message)));
  }
}
