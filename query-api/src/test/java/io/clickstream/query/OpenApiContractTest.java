package io.clickstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import com.sun.net.httpserver.HttpServer;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.openapi.OpenApiEndpoint;
import io.clickstream.query.support.Accounts;
import io.clickstream.query.support.AppRoutes;
import io.clickstream.query.support.Http;
import io.clickstream.query.support.Mirror;
import io.clickstream.query.support.QueryApi;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real responses of every endpoint, successes and errors, validated against {@code /openapi.json}
 * with a maintained JSON Schema 2020-12 validator (networknt, OpenAPI 3.1 dialect).
 */
class OpenApiContractTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:30:00Z");
  private static final String DOCUMENT = "classpath:" + OpenApiEndpoint.RESOURCE.substring(1);

  private static QueryApiService service;
  private static HttpServer topology;
  private static Mirror mirror;
  private static Accounts.User owner;
  private static Accounts.User stranger;
  private static String app;
  private static String funnel;
  private static JsonNode document;
  private static JsonSchemaFactory schemas;

  @BeforeAll
  static void start() throws Exception {
    topology = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    topology.createContext(
        "/",
        exchange -> {
          byte[] body =
              "{\"visitor_id\":\"v1\",\"sessions\":[{\"start\":1,\"end\":2,\"events\":[{\"type\":\"pageview\"}]}]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    topology.start();
    owner = Accounts.newUser("owner", Accounts.newDomain());
    stranger = Accounts.newUser("stranger", Accounts.newDomain());
    app = Accounts.newApp(owner, false);
    funnel =
        Accounts.require(
                Accounts.call(
                    "POST",
                    "/v1/apps/" + app + "/funnels",
                    owner,
                    Map.of(
                        "name",
                        "Buy",
                        "window_ms",
                        600_000,
                        "steps",
                        List.of(
                            Map.of("type", "pageview", "match", Map.of("path", "/")),
                            Map.of("type", "purchase", "match", Map.of())))),
                201)
            .text("id");
    service =
        QueryApi.start(
            NOW,
            s ->
                s.withTopologyUrls(
                    List.of(URI.create("http://127.0.0.1:" + topology.getAddress().getPort()))));
    mirror = new Mirror();
    String at = "2026-11-22T10:00:00Z";
    String sep = RedisKeys.FIELD_SEPARATOR;
    mirror
        .count(app, at, RedisKeys::totals, RedisKeys.PAGEVIEWS, 2)
        .count(app, at, RedisKeys::totals, RedisKeys.SESSIONS, 1)
        .count(app, at, RedisKeys::pagePageviews, "/", 2)
        .visit(app, at, RedisKeys::sketches, RedisKeys.VISITORS, "v1")
        .count(app, at, RedisKeys::eventTypes, "custom" + sep + "signup", 1)
        .count(app, at, RedisKeys::eventTypes, "pageview", 2)
        .count(app, at, (a, i, b) -> RedisKeys.dimensionSessions(a, i, b, "campaign"), "a/b/c", 1)
        .count(app, at, RedisKeys::clicks, "/" + sep + "#x", 1)
        .count(app, at, RedisKeys::journeyTransitions, "(entry)" + sep + "/", 1)
        .count(app, at, RedisKeys::journeyTopPaths, "/", 1)
        .count(
            app,
            at,
            (a, i, b) -> RedisKeys.products(a, i, b, RedisKeys.ProductFigure.VIEWS),
            "sku",
            1);
    mirror.redis().hset(RedisKeys.funnelCounts(app, funnel, 1_795_305_600_000L), "1", "1");
    mirror.redis().hset(RedisKeys.retention(app), "2026-W47" + sep + "0", "1");
    mirror.redis().zadd(RedisKeys.activity(app), 1, "{\"type\":\"pageview\",\"url\":\"/\"}");
    mirror.redis().zadd(RedisKeys.activity(app), 2, "{\"type\":\"click\"}");
    document = Json.readTree(Http.get(service.url() + "/openapi.json", null).body());
    schemas =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder
                    .metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    String funnelPath = "/v1/apps/" + app + "/funnels/" + funnel;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Http.get(service.url() + funnelPath, owner.token()).status() == 200);
  }

  @AfterAll
  static void stop() {
    service.close();
    topology.stop(0);
    mirror.close();
  }

  @Test
  void everyResponseMatchesTheDocument() {
    String a = "/v1/apps/{appId}";
    List<String[]> calls = new ArrayList<>();
    for (String path : AppRoutes.SIMPLE) {
      calls.add(new String[] {a + path, path, "200", "owner"});
      calls.add(new String[] {a + path, path, "401", null});
      calls.add(new String[] {a + path, path, "404", "stranger"});
    }
    calls.add(
        new String[] {
          a + "/timeseries", "/timeseries?metric=visitors&interval=day", "200", "owner"
        });
    calls.add(new String[] {a + "/activity", "/activity?limit=1", "200", "owner"});
    calls.add(new String[] {a + "/pages", "/pages?limit=0", "400", "owner"});
    calls.add(
        new String[] {
          a + "/overview", "/overview?interval=minute&from=2026-01-01", "400", "owner"
        });
    calls.add(new String[] {a + "/funnels/{funnelId}", "/funnels/" + funnel, "200", "owner"});
    calls.add(new String[] {a + "/funnels/{funnelId}", "/funnels/nope", "404", "owner"});
    calls.add(
        new String[] {a + "/visitors/{visitorId}/journey", "/visitors/v1/journey", "200", "owner"});
    calls.add(
        new String[] {a + "/visitors/{visitorId}/journey", "/visitors/v1/journey", "401", null});
    calls.add(new String[] {a + "/stream", "/stream", "401", null});

    Set<String> documented = new TreeSet<>();
    document.path("paths").fieldNames().forEachRemaining(documented::add);
    Set<String> exercised =
        new TreeSet<>(List.of("/openapi.json", "/healthz", "/readyz", "/metrics"));
    for (String[] call : calls) {
      String token =
          call[3] == null ? null : call[3].equals("owner") ? owner.token() : stranger.token();
      Http.Reply reply = Http.get(service.url() + "/v1/apps/" + app + call[1], token);
      assertThat(reply.status())
          .as(call[1] + " " + reply.body())
          .isEqualTo(Integer.parseInt(call[2]));
      assertValid(call[0], call[2], reply);
      exercised.add(call[0]);
    }
    assertValid("/healthz", "200", Http.get(service.url() + "/healthz", null));
    assertValid("/readyz", "200", Http.get(service.url() + "/readyz", null));
    assertThat(exercised).isEqualTo(documented);
  }

  @Test
  void theDocumentIsOpenApi31AndItsSchemasAreValid() {
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    Iterator<String> names = document.path("components").path("schemas").fieldNames();
    while (names.hasNext()) {
      JsonSchema schema = schema("#/components/schemas/" + names.next());
      schema.initializeValidators(); // resolves every $ref, fails on a broken one
    }
  }

  private static void assertValid(String template, String status, Http.Reply reply) {
    JsonNode response =
        document.path("paths").path(template).path("get").path("responses").path(status);
    assertThat(response.isMissingNode()).as(template + " " + status + " is documented").isFalse();
    if (response.has("$ref")) {
      response = resolve(response.path("$ref").asText());
    }
    JsonNode bodySchema = response.path("content").path("application/json").path("schema");
    assertThat(bodySchema.path("$ref").isTextual()).as(template + " " + status).isTrue();
    Set<ValidationMessage> errors = schema(bodySchema.path("$ref").asText()).validate(reply.json());
    assertThat(errors).as(template + " " + status + ": " + reply.body()).isEmpty();
  }

  private static JsonSchema schema(String pointer) {
    return schemas.getSchema(SchemaLocation.of(DOCUMENT + pointer));
  }

  private static JsonNode resolve(String ref) {
    return document.at(ref.substring(1));
  }

  private static final class Json {
    static JsonNode readTree(String body) {
      return io.clickstream.model.Json.readTree(body);
    }
  }
}
