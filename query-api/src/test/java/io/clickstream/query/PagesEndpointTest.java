package io.clickstream.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Json;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** {@code GET /v1/apps/{appId}/pages} over the serving copy in a real Redis. */
class PagesEndpointTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:30:00Z");
  private static final long HOUR = Interval.HOUR.millis();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static QueryApiService service;
  private static JedisPooled redis;
  private static String appId;

  @BeforeAll
  static void start() {
    String redisUrl = TestServices.get().redisUrl();
    redis = new JedisPooled(URI.create(redisUrl));
    service =
        new QueryApiService("127.0.0.1", 0, redisUrl, Clock.fixed(NOW, ZoneOffset.UTC)).start();
    appId = "app-" + UUID.randomUUID().toString().substring(0, 8);
    long today = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    redis.hset(RedisKeys.pagePageviews(appId, Interval.HOUR, today), Map.of("/", "5", "/a", "2"));
    redis.hset(RedisKeys.pagePageviews(appId, Interval.HOUR, today + 12 * HOUR), Map.of("/a", "4"));
    // Eight days ago: outside the default range of the last 7 days.
    redis.hset(
        RedisKeys.pagePageviews(appId, Interval.HOUR, today - 8 * 24 * HOUR), Map.of("/", "100"));
  }

  @AfterAll
  static void stop() {
    service.close();
    redis.close();
  }

  @Test
  void sumsHourBucketsOfTheLastSevenDaysByDefaultMostViewedFirst() throws Exception {
    JsonNode body = get("/v1/apps/" + appId + "/pages", 200);
    assertThat(body.toString())
        .isEqualTo(
            "{\"items\":[{\"path\":\"/a\",\"pageviews\":6},{\"path\":\"/\",\"pageviews\":5}]}");
  }

  @Test
  void fromIsInclusiveAndToExclusive() throws Exception {
    JsonNode body =
        get("/v1/apps/" + appId + "/pages?from=2026-11-22T12:00:00Z&to=2026-11-22T13:00:00Z", 200);
    assertThat(body.toString()).isEqualTo("{\"items\":[{\"path\":\"/a\",\"pageviews\":4}]}");
    JsonNode before =
        get("/v1/apps/" + appId + "/pages?from=2026-11-22&to=2026-11-22T12:00:00Z", 200);
    assertThat(before.toString())
        .isEqualTo(
            "{\"items\":[{\"path\":\"/\",\"pageviews\":5},{\"path\":\"/a\",\"pageviews\":2}]}");
  }

  @Test
  void limitCutsTheList() throws Exception {
    JsonNode body = get("/v1/apps/" + appId + "/pages?limit=1", 200);
    assertThat(body.toString()).isEqualTo("{\"items\":[{\"path\":\"/a\",\"pageviews\":6}]}");
  }

  @Test
  void anAppWithoutDataHasNoItems() throws Exception {
    assertThat(get("/v1/apps/nothing-here/pages", 200).toString()).isEqualTo("{\"items\":[]}");
  }

  @Test
  void badParametersAreJsonErrors() throws Exception {
    assertError("/v1/apps/" + appId + "/pages?limit=0", 400, "bad_request");
    assertError("/v1/apps/" + appId + "/pages?limit=ten", 400, "bad_request");
    assertError("/v1/apps/" + appId + "/pages?from=nope", 400, "bad_request");
    assertError("/v1/apps/" + appId + "/pages?from=2026-11-22&to=2026-11-21", 400, "bad_request");
    assertError("/v1/apps/bad%20id/pages", 404, "not_found");
  }

  @Test
  void readinessReportsRedis() throws Exception {
    assertThat(get("/readyz", 200).toString())
        .isEqualTo("{\"status\":\"ready\",\"checks\":{\"redis\":true}}");
  }

  private static void assertError(String path, int status, String code) throws Exception {
    JsonNode body = get(path, status);
    assertThat(body.path("error").path("code").asText()).isEqualTo(code);
    assertThat(body.path("error").path("message").asText()).isNotBlank();
  }

  private static JsonNode get(String path, int expectedStatus) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(service.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return Json.readTree(response.body());
  }
}
