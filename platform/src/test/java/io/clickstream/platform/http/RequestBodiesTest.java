package io.clickstream.platform.http;

import static io.clickstream.platform.http.HttpClients.error;
import static io.clickstream.platform.http.HttpClients.json;
import static io.clickstream.platform.http.HttpClients.request;
import static io.clickstream.platform.http.HttpClients.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;
import io.clickstream.platform.metrics.Metrics;
import io.undertow.util.Headers;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
  private static final int LIMIT = 64;

  private static HttpService service;

  /** How the last request framed its body, as the server saw it. */
  private static final AtomicReference<String> transferEncoding = new AtomicReference<>();

  @BeforeAll
  static void start() {
    service =
        HttpService.builder("bodies-test", Metrics.newRegistry("bodies-test"))
            .listen("127.0.0.1", 0)
            .workerThreads(4)
            .post(
                "/echo",
                exchange -> {
                  transferEncoding.set(
                      String.valueOf(
                          exchange.getRequestHeaders().getFirst(Headers.TRANSFER_ENCODING)));
                  RequestBodies.requireContentType(exchange, "application/json", "text/plain");
                  JsonNode body = RequestBodies.readJson(exchange, LIMIT);
                  return Map.of("received", body);
                })
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @BeforeEach
  void forget() {
    transferEncoding.set(null);
  }

  @Test
  void jsonBodyIsRead() throws Exception {
    HttpResponse<String> response = post("{\"a\":1}", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(Json.readTree("{\"received\":{\"a\":1}}"));
  }

  @Test
  void bodyOfExactlyTheLimitIsAccepted() throws Exception {
    String body = jsonOfLength(LIMIT);

    assertThat(post(body, "application/json").statusCode()).isEqualTo(200);
    assertThat(post(chunked(body), "application/json").statusCode()).isEqualTo(200);
  }

  @Test
  void bodyOverTheLimitWithContentLengthIs413() throws Exception {
    HttpResponse<String> response = post(jsonOfLength(LIMIT + 1), "application/json");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response))
        .isEqualTo(error("payload_too_large", "The body is larger than 64 bytes."));
  }

  @Test
  void chunkedBodyOverTheLimitIs413() throws Exception {
    HttpResponse<String> response = post(chunked(jsonOfLength(LIMIT + 1)), "application/json");

    assertThat(transferEncoding.get()).isEqualTo("chunked");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response))
        .isEqualTo(error("payload_too_large", "The body is larger than 64 bytes."));
  }

  @Test
  void malformedJsonIs400MalformedJson() throws Exception {
    HttpResponse<String> response = post("{\"a\":", "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("malformed_json");
    assertThat(json(response).at("/error/message").asText())
        .startsWith("The request body is not valid JSON: ");
  }

  @Test
  void documentFollowedByGarbageIs400MalformedJson() throws Exception {
    HttpResponse<String> response = post("{\"a\":1} trailing", "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/code").asText()).isEqualTo("malformed_json");
  }

  @Test
  void emptyBodyIs400() throws Exception {
    HttpResponse<String> response = post(BodyPublishers.noBody(), "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response))
        .isEqualTo(
            error("malformed_json", "The request body is empty; a JSON document is expected."));
  }

  @Test
  void unsupportedContentTypeIs415() throws Exception {
    HttpResponse<String> response = post("<a>1</a>", "application/xml");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json(response))
        .isEqualTo(
            error(
                "unsupported_media_type",
                "Content-Type application/xml is not accepted;"
                    + " use application/json or text/plain."));
  }

  @Test
  void missingContentTypeIsAccepted() throws Exception {
    HttpResponse<String> response =
        send(request(service, "/echo").POST(BodyPublishers.ofString("{\"a\":2}")).build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(Json.readTree("{\"received\":{\"a\":2}}"));
  }

  @Test
  void contentTypeParametersAndCaseDoNotMatter() throws Exception {
    assertThat(post("{}", "application/json; charset=utf-8").statusCode()).isEqualTo(200);
    assertThat(post("{}", "text/plain;charset=UTF-8").statusCode()).isEqualTo(200);
    assertThat(post("{}", "Application/JSON").statusCode()).isEqualTo(200);
  }

  /** A JSON document of exactly {@code length} bytes. */
  private static String jsonOfLength(int length) {
    String body = "{\"pad\":\"" + "x".repeat(length - 10) + "\"}";
    assertThat(body).hasSize(length);
    return body;
  }

  /** Without a known length, the client sends the body with chunked transfer encoding. */
  private static BodyPublisher chunked(String body) {
    return BodyPublishers.fromPublisher(BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> post(String body, String contentType) throws Exception {
    return post(BodyPublishers.ofString(body), contentType);
  }

  private static HttpResponse<String> post(BodyPublisher body, String contentType)
      throws Exception {
    HttpRequest request =
        request(service, "/echo").header("Content-Type", contentType).POST(body).build();
    return send(request);
  }
}
