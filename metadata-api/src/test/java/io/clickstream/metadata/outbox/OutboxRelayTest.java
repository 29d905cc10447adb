package io.clickstream.metadata.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clickstream.metadata.support.ConfigTopics;
import io.clickstream.metadata.support.ConfigTopics.Record;
import io.clickstream.metadata.support.Database;
import io.clickstream.metadata.support.TestApi;
import io.clickstream.metadata.support.TestUser;
import io.clickstream.model.Json;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Changes reach the compacted clickstream.config.* topics of the real broker through the outbox:
 * each exactly once, in order per key, also when the relay stops and starts again in between.
 */
class OutboxRelayTest {
  private static final Duration DELIVERY = Duration.ofSeconds(30);

  @Test
  void everyChangeOfAnAppReachesItsTopicOnceAndInOrder() {
    String app;
    String funnel;
    String firstToken;
    String secondToken;
    try (TestApi api = TestApi.start()) {
      TestUser owner = api.newUser("owner", TestApi.newDomain());
      String token = owner.accessToken();
      app =
          api.post("/v1/apps", token, Map.of("name", "Shop", "url", "https://shop.example"))
              .text("id");
      api.patch("/v1/apps/" + app, token, Map.of("settings", Map.of("rate_limit_eps", 5)));
      funnel = api.post("/v1/apps/" + app + "/funnels", token, funnel("Checkout")).text("id");
      api.put("/v1/apps/" + app + "/funnels/" + funnel, token, funnel("Checkout v2"));
      api.post(
          "/v1/apps/" + app + "/products",
          token,
          Map.of("id", "sku-1", "name", "Lamp", "price", 19.99));
      api.put("/v1/apps/" + app + "/products/sku-1", token, Map.of("name", "Lamp", "price", 17.5));
      api.post("/v1/apps/" + app + "/products", token, Map.of("id", "sku-2", "name", "Desk"));
      api.delete("/v1/apps/" + app + "/products/sku-2", token);
      firstToken = api.post("/v1/apps/" + app + "/token", token, null).text("token_id");
      secondToken = api.post("/v1/apps/" + app + "/token", token, null).text("token_id");
      api.delete("/v1/apps/" + app, token);

      String appId = app;
      await()
          .atMost(DELIVERY)
          .until(
              () ->
                  Database.column(
                      "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND (record_key LIKE ? OR record_key IN (?, ?))",
                      appId + "%",
                      firstToken,
                      secondToken),
              List.of("0")::equals);
    }

    String appId = app;
    Map<String, List<Record>> byKey =
        ConfigTopics.byKey(
            k -> k.startsWith(appId) || k.equals(firstToken) || k.equals(secondToken));

    List<Record> apps = byKey.get(app);
    assertThat(apps).hasSize(3);
    AppConfig created = Json.read(apps.get(0).value(), AppConfig.class);
    assertThat(created)
        .isEqualTo(
            new AppConfig(
                app,
                created.organisationId(),
                "Shop",
                "https://shop.example",
                false,
                AppSettings.DEFAULTS,
                1));
    assertThat(Json.read(apps.get(1).value(), AppConfig.class))
        .isEqualTo(
            new AppConfig(
                app,
                created.organisationId(),
                "Shop",
                "https://shop.example",
                false,
                new AppSettings(5, 10_000, 30),
                2));
    assertThat(apps.get(2).value()).isNull();

    List<Record> funnels = byKey.get(app + ":" + funnel);
    assertThat(funnels)
        .extracting(r -> r.value() == null ? null : Json.readTree(r.value()).get("name").asText())
        .containsExactly("Checkout", "Checkout v2", null);
    assertThat(Json.readTree(funnels.get(0).value()).get("steps").toString())
        .isEqualTo(
            "[{\"type\":\"pageview\",\"match\":{\"path\":\"/cart\"},\"label\":\"pageview /cart\"},"
                + "{\"type\":\"purchase\",\"match\":{},\"label\":\"purchase\"}]");

    assertThat(byKey.get(app + ":sku-1"))
        .extracting(Record::value)
        .containsExactly(
            "{\"app_id\":\""
                + app
                + "\",\"product_id\":\"sku-1\",\"name\":\"Lamp\",\"price\":19.99}",
            "{\"app_id\":\""
                + app
                + "\",\"product_id\":\"sku-1\",\"name\":\"Lamp\",\"price\":17.5}",
            null);
    assertThat(byKey.get(app + ":sku-2"))
        .extracting(Record::value)
        .hasSize(2)
        .endsWith((String) null);

    assertThat(byKey.get(firstToken)).hasSize(1);
    assertThat(Json.readTree(byKey.get(firstToken).get(0).value()).get("app_id").asText())
        .isEqualTo(app);
    assertThat(byKey.get(secondToken)).hasSize(1);
    assertThat(byKey).hasSize(6);
  }

  @Test
  void changesMadeWhileNoRelayRunsAreDeliveredOnceAfterItStartsAgain() {
    TestUser owner;
    String app;
    try (TestApi first = TestApi.start()) {
      owner = first.newUser("owner", TestApi.newDomain());
      app = first.post("/v1/apps", owner.accessToken(), Map.of("name", "Shop")).text("id");
      putProduct(first, owner, app, "v1");
      putProduct(first, owner, app, "v2");
      awaitSent(app);
    }
    try (TestApi withoutRelay = TestApi.start(s -> s.withRelay(false))) {
      putProduct(withoutRelay, owner, app, "v3");
      putProduct(withoutRelay, owner, app, "v4");
      withoutRelay.patch("/v1/apps/" + app, owner.accessToken(), Map.of("name", "Shop 2"));
      assertThat(
              Database.column(
                  "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND record_key LIKE ?",
                  app + "%"))
          .containsExactly("3");
    }
    try (TestApi second = TestApi.start()) {
      putProduct(second, owner, app, "v5");
      awaitSent(app);
    }

    Map<String, List<Record>> byKey = ConfigTopics.byKey(k -> k.startsWith(app));
    assertThat(byKey.get(app + ":sku"))
        .extracting(r -> Json.readTree(r.value()).get("name").asText())
        .containsExactly("v1", "v2", "v3", "v4", "v5");
    assertThat(byKey.get(app))
        .extracting(r -> Json.readTree(r.value()).get("version").asLong())
        .containsExactly(1L, 2L);
    List<Long> ids = new ArrayList<>();
    byKey.values().forEach(records -> records.forEach(r -> ids.add(r.outboxId())));
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void twoInstancesRelayingAtOnceKeepEachKeysOrder() throws Exception {
    try (TestApi a = TestApi.start();
        TestApi b = TestApi.start()) {
      TestUser owner = a.newUser("owner", TestApi.newDomain());
      String app = a.post("/v1/apps", owner.accessToken(), Map.of("name", "Shop")).text("id");
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 40; i++) {
        putProduct(i % 2 == 0 ? a : b, owner, app, "v" + i);
        expected.add("v" + i);
      }
      awaitSent(app);

      assertThat(ConfigTopics.byKey(k -> k.equals(app + ":sku")).get(app + ":sku"))
          .extracting(r -> Json.readTree(r.value()).get("name").asText())
          .isEqualTo(expected);
    }
  }

  private static Map<String, Object> funnel(String name) {
    return Map.of(
        "name",
        name,
        "window_ms",
        600_000,
        "steps",
        List.of(
            Map.of("type", "pageview", "match", Map.of("path", "/cart")),
            Map.of("type", "purchase")));
  }

  private static void putProduct(TestApi api, TestUser owner, String app, String name) {
    int status =
        api.put("/v1/apps/" + app + "/products/sku", owner.accessToken(), Map.of("name", name))
            .status();
    assertThat(status).isIn(200, 201);
  }

  private static void awaitSent(String app) {
    await()
        .atMost(DELIVERY)
        .until(
            () ->
                Database.column(
                    "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND record_key LIKE ?",
                    app + "%"),
            List.of("0")::equals);
  }
}
