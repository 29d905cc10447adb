package io.clickstream.metadata.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.metadata.support.Reply;
import io.clickstream.metadata.support.TestApi;
import io.clickstream.metadata.support.TestUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tracked elements, products and end-user profiles: CRUD, validation, paging and the lock. */
class CatalogueAndProfilesTest {
  private static TestApi api;
  private static TestUser owner;
  private String app;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    owner = api.newUser("owner", TestApi.newDomain());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void newApp() {
    app = api.post("/v1/apps", owner.accessToken(), Map.of("name", "Shop")).text("id");
  }

  @Test
  void trackedElementsHaveASelectorUniquePerApp() {
    Reply created =
        api.post(
            path("tracked-elements"),
            owner.accessToken(),
            Map.of("name", "Buy button", "selector", "#buy", "events", List.of("click", "hover")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("events").toString()).isEqualTo("[\"click\",\"hover\"]");
    String id = created.text("id");

    Reply duplicate =
        api.post(
            path("tracked-elements"), owner.accessToken(), Map.of("name", "B", "selector", "#buy"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.errorCode()).isEqualTo("selector_taken");

    Reply replaced =
        api.put(
            path("tracked-elements/" + id),
            owner.accessToken(),
            Map.of("name", "Buy", "selector", "button.buy"));
    assertThat(replaced.json().get("events").toString()).isEqualTo("[\"click\"]");
    assertThat(replaced.text("selector")).isEqualTo("button.buy");
    assertThat(
            api.post(
                    path("tracked-elements"),
                    owner.accessToken(),
                    Map.of("name", "B", "selector", "#x", "events", List.of("scroll")))
                .json()
                .at("/error/message")
                .asText())
        .isEqualTo("'events' may hold only click and hover");
    assertThat(api.get(path("tracked-elements"), owner.accessToken()).json().get("items"))
        .hasSize(1);
    assertThat(api.delete(path("tracked-elements/" + id), owner.accessToken()).status())
        .isEqualTo(204);
    assertThat(api.get(path("tracked-elements/" + id), owner.accessToken()).status())
        .isEqualTo(404);
  }

  @Test
  void productsAreKeyedByTheAppsOwnIdAndPutCreatesOrReplaces() {
    Reply created =
        api.post(
            path("products"),
            owner.accessToken(),
            Map.of("id", "sku-42", "name", "Lamp", "category", "Lighting", "price", 19.99));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("price").toString()).isEqualTo("19.99");
    assertThat(
            api.post(path("products"), owner.accessToken(), Map.of("id", "sku-42", "name", "L"))
                .errorCode())
        .isEqualTo("product_exists");

    Reply replaced =
        api.put(
            path("products/sku-42"), owner.accessToken(), Map.of("name", "Desk lamp", "price", 25));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.text("name")).isEqualTo("Desk lamp");
    assertThat(replaced.json().has("category")).isFalse();
    assertThat(replaced.json().get("price").toString()).isEqualTo("25");

    Reply putNew = api.put(path("products/sku-7"), owner.accessToken(), Map.of("name", "Chair"));
    assertThat(putNew.status()).isEqualTo(201);
    assertThat(
            api.put(path("products/sku-7"), owner.accessToken(), Map.of("id", "sku-8", "name", "C"))
                .status())
        .isEqualTo(400);
    assertThat(api.get(path("products/sku-42"), owner.accessToken()).text("name"))
        .isEqualTo("Desk lamp");
    assertThat(api.delete(path("products/sku-42"), owner.accessToken()).status()).isEqualTo(204);
    assertThat(api.delete(path("products/sku-42"), owner.accessToken()).status()).isEqualTo(404);
  }

  @Test
  void productFieldsAreValidated() {
    assertThat(productError(Map.of("id", "a", "name", "A", "price", -1)))
        .isEqualTo("'price' must be between 0 and 1000000000");
    assertThat(productError(Map.of("id", "a", "name", "A", "price", 1.23456)))
        .isEqualTo("'price' must have at most 4 decimal places");
    assertThat(productError(Map.of("id", "a/b", "name", "A"))).isEqualTo("'id' must not contain /");
    assertThat(productError(Map.of("id", "a", "name", "A", "price", "12")))
        .isEqualTo("'price' must be a number");
    assertThat(productError(Map.of("name", "A"))).isEqualTo("'id' is required");
  }

  @Test
  void productsArePagedInIdOrder() {
    for (String id : List.of("c", "a", "e", "b", "d")) {
      api.post(path("products"), owner.accessToken(), Map.of("id", id, "name", id.toUpperCase()));
    }
    Reply first = api.get(path("products?limit=2"), owner.accessToken());
    Reply second =
        api.get(path("products?limit=2&cursor=" + first.text("next_cursor")), owner.accessToken());
    Reply third =
        api.get(path("products?limit=2&cursor=" + second.text("next_cursor")), owner.accessToken());
    assertThat(ids(first)).containsExactly("a", "b");
    assertThat(ids(second)).containsExactly("c", "d");
    assertThat(ids(third)).containsExactly("e");
    assertThat(third.json().has("next_cursor")).isFalse();
  }

  @Test
  void profilesHoldTraitsAndTheVisitorsIdentifyLinked() {
    Reply created =
        api.post(
            path("profiles"),
            owner.accessToken(),
            Map.of(
                "user_id", "crm-1234",
                "traits", Map.of("plan", "pro", "seats", 5, "trial", false),
                "visitor_ids", List.of("v-1", "v-2", "v-1")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("visitor_ids").toString()).isEqualTo("[\"v-1\",\"v-2\"]");
    assertThat(created.json().get("traits").get("seats").asInt()).isEqualTo(5);

    Reply byVisitor = api.get(path("profiles?visitor_id=v-2"), owner.accessToken());
    assertThat(byVisitor.json().get("items").findValuesAsText("user_id"))
        .containsExactly("crm-1234");
    assertThat(api.get(path("profiles?visitor_id=v-9"), owner.accessToken()).json().get("items"))
        .isEmpty();

    Reply replaced =
        api.put(
            path("profiles/crm-1234"),
            owner.accessToken(),
            Map.of("traits", Map.of("plan", "team")));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("traits").toString()).isEqualTo("{\"plan\":\"team\"}");
    assertThat(replaced.json().get("visitor_ids")).isEmpty();
    assertThat(api.delete(path("profiles/crm-1234"), owner.accessToken()).status()).isEqualTo(204);
    assertThat(api.get(path("profiles/crm-1234"), owner.accessToken()).status()).isEqualTo(404);
  }

  @Test
  void profileTraitsMustBeFlatScalars() {
    assertThat(
            profileError(Map.of("user_id", "u", "traits", Map.of("address", Map.of("city", "X")))))
        .isEqualTo("'traits.address' must be a string, number, boolean or null");
    assertThat(profileError(Map.of("user_id", "u", "traits", List.of(1))))
        .isEqualTo("'traits' must be an object");
    Map<String, Object> many = new HashMap<>();
    for (int i = 0; i < 51; i++) {
      many.put("k" + i, i);
    }
    assertThat(profileError(Map.of("user_id", "u", "traits", many)))
        .isEqualTo("'traits' must have at most 50 keys");
    assertThat(profileError(Map.of("user_id", "u", "traits", Map.of("nul", "a\u0000b"))))
        .isEqualTo("'traits.nul' contains a disallowed character (U+0000)");
    assertThat(profileError(Map.of("user_id", "u", "visitor_ids", List.of(1))))
        .isEqualTo("'visitor_ids[0]' must be a string");
  }

  @Test
  void everyConfigurationChangeIsRefusedWhileLockedAndReadsStillWork() {
    Map<String, Object> valid =
        Map.of(
            "name",
            "F",
            "window_ms",
            60_000,
            "steps",
            List.of(Map.of("type", "pageview"), Map.of("type", "purchase")));
    String funnel = api.post(path("funnels"), owner.accessToken(), valid).text("id");
    api.post(path("token"), owner.accessToken(), null);

    List<Reply> refused =
        List.of(
            api.post(path("funnels"), owner.accessToken(), valid),
            api.put(path("funnels/" + funnel), owner.accessToken(), valid),
            api.delete(path("funnels/" + funnel), owner.accessToken()),
            api.post(
                path("tracked-elements"),
                owner.accessToken(),
                Map.of("name", "B", "selector", "#b")),
            api.put(path("products/p"), owner.accessToken(), Map.of("name", "P")),
            api.put(path("profiles/u"), owner.accessToken(), Map.of()));
    for (Reply reply : refused) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(423);
      assertThat(reply.errorCode()).isEqualTo("app_locked");
    }
    assertThat(api.get(path("funnels/" + funnel), owner.accessToken()).status()).isEqualTo(200);
  }

  private String path(String rest) {
    return "/v1/apps/" + app + "/" + rest;
  }

  private String productError(Map<String, Object> body) {
    Reply reply = api.post(path("products"), owner.accessToken(), body);
    assertThat(reply.status()).isEqualTo(400);
    return reply.json().at("/error/message").asText();
  }

  private String profileError(Map<String, Object> body) {
    Reply reply = api.post(path("profiles"), owner.accessToken(), body);
    assertThat(reply.status()).isEqualTo(400);
    return reply.json().at("/error/message").asText();
  }

  private static List<String> ids(Reply page) {
    JsonNode items = page.json().get("items");
    return items.findValuesAsText("id");
  }
}
