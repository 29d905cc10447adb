package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.embedded.FreePort;
import io.clickstream.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP calls the end-to-end tests make, as a user of the APIs would. */
final class HttpCalls {
  /** A browser's: the topology counts no bots, and the JDK client's own agent looks like one. */
  static final String USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpCalls() {}

  static JsonNode postEvents(String collectorUrl, String contentType, Object batch)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(collectorUrl + "/v1/events"))
                .header("Content-Type", contentType)
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(batch)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return Json.readTree(response.body());
  }

  static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** A GET with {@code Authorization: Bearer}; the body of a 200. */
  static String get(String url, String bearer) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** The status of a GET with {@code Authorization: Bearer}. */
  static int status(String url, String bearer) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** A JSON call to the metadata API; the body of the expected status. */
  static JsonNode call(String method, String url, String bearer, Object body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    return response.body().isEmpty() ? null : Json.readTree(response.body());
  }

  /** The {@code /pages} answer reduced to {@code path=pageviews,…}: the counts under test. */
  static String pageviewsPerPath(String pagesJson) {
    StringBuilder counts = new StringBuilder();
    for (JsonNode item : Json.readTree(pagesJson).path("items")) {
      if (counts.length() > 0) {
        counts.append(',');
      }
      counts.append(item.path("path").asText()).append('=').append(item.path("pageviews").asLong());
    }
    return counts.toString();
  }

  static int freePort() {
    return FreePort.pick();
  }
}
