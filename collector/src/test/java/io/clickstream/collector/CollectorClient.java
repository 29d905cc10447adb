package io.clickstream.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Talks to a running collector over HTTP/1.1, as a tracker or server SDK does. */
final class CollectorClient {
  static final String USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String baseUrl;

  CollectorClient(CollectorService collector) {
    // The collector listens on 127.0.0.1, so this is the address it sees as the client's.
    this.baseUrl = "http://127.0.0.1:" + collector.port();
  }

  HttpResponse<String> postEvents(String body) throws IOException, InterruptedException {
    return postEvents(body, "application/json");
  }

  HttpResponse<String> postEvents(String body, String contentType)
      throws IOException, InterruptedException {
    return send(
        request("/v1/events")
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> postEvents(byte[] body, String contentType)
      throws IOException, InterruptedException {
    return send(
        request("/v1/events")
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** A JSON POST with extra headers given as name, value, name, value, … */
  HttpResponse<String> post(String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /** POST /v1/hello, answered 200 with the session; returns its body. */
  JsonNode hello(String body) throws IOException, InterruptedException {
    HttpResponse<String> response = post("/v1/hello", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("User-Agent", USER_AGENT);
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) {
    return Json.readTree(response.body());
  }

  /**
   * Asserts the status and that the body is exactly {@code {"error":{"code","message"}}} with this
   * code and a message for a person.
   */
  static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(response);
    assertThat(fieldNames(body)).containsExactly("error");
    assertThat(fieldNames(body.get("error"))).containsExactlyInAnyOrder("code", "message");
    assertThat(body.at("/error/code").textValue()).isEqualTo(code);
    assertThat(body.at("/error/message").textValue()).isNotBlank();
  }

  private static List<String> fieldNames(JsonNode node) {
    assertThat(node.isObject()).as("%s is an object", node).isTrue();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
