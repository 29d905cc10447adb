package io.clickstream.metadata.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.metadata.support.Reply;
import io.clickstream.metadata.support.TestApi;
import io.clickstream.metadata.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creating, reading, listing, changing and deleting apps. */
class AppsTest {
  private static TestApi api;
  private final String domain = TestApi.newDomain();

  @BeforeAll
  static void start() {
    api = TestApi.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void creatingAnAppMakesTheCreatorItsOwnerWithDefaultSettings() {
    TestUser ann = api.newUser("ann", domain);
    Reply created =
        api.post(
            "/v1/apps",
            ann.accessToken(),
            Map.of("name", "Shop", "url", "https://shop.example", "description", "Our shop"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode app = created.json();
    assertThat(app.get("name").asText()).isEqualTo("Shop");
    assertThat(app.get("url").asText()).isEqualTo("https://shop.example");
    assertThat(app.get("description").asText()).isEqualTo("Our shop");
    assertThat(app.get("public").asBoolean()).isFalse();
    assertThat(app.get("locked").asBoolean()).isFalse();
    assertThat(app.get("role").asText()).isEqualTo("owner");
    assertThat(app.get("owner_id").asText()).isEqualTo(ann.id());
    assertThat(app.get("version").asLong()).isEqualTo(1);
    assertThat(app.get("settings").toString())
        .isEqualTo(
            "{\"rate_limit_eps\":1000,\"max_connections\":10000,\"session_timeout_min\":30}");
    assertThat(app.has("token")).isFalse();
    assertThat(api.get("/v1/apps/" + app.get("id").asText(), ann.accessToken()).json())
        .isEqualTo(app);
  }

  @Test
  void settingsAreValidatedFieldByField() {
    TestUser ann = api.newUser("ann", domain);
    assertThat(invalid(ann, Map.of("name", "A", "settings", Map.of("rate_limit_eps", 0))))
        .isEqualTo("'settings.rate_limit_eps' must be between 1 and 100000");
    assertThat(invalid(ann, Map.of("name", "A", "settings", Map.of("max_connections", "many"))))
        .isEqualTo("'settings.max_connections' must be an integer between 1 and 100000");
    assertThat(invalid(ann, Map.of("name", "A", "settings", Map.of("session_timeout_min", 1441))))
        .isEqualTo("'settings.session_timeout_min' must be between 1 and 1440");
    assertThat(invalid(ann, Map.of("name", "A", "settings", Map.of("timeout", 5))))
        .isEqualTo(
            "'settings.timeout' is not a known field; expected rate_limit_eps, max_connections,"
                + " session_timeout_min");
    assertThat(invalid(ann, Map.of("name", "A", "url", "javascript:alert(1)")))
        .isEqualTo("'url' must be an http or https URL such as https://shop.example");
    assertThat(invalid(ann, Map.of("url", "https://shop.example"))).isEqualTo("'name' is required");
    assertThat(invalid(ann, Map.of("name", "x".repeat(101))))
        .isEqualTo("'name' must be at most 100 characters");
    assertThat(invalid(ann, Map.of("name", "A", "public", "yes")))
        .isEqualTo("'public' must be true or false");
  }

  @Test
  void patchChangesOnlyWhatItNamesAndBumpsTheVersion() {
    TestUser ann = api.newUser("ann", domain);
    String id =
        api.post(
                "/v1/apps",
                ann.accessToken(),
                Map.of("name", "Shop", "url", "https://shop.example", "description", "d"))
            .text("id");

    Reply patched =
        api.patch(
            "/v1/apps/" + id,
            ann.accessToken(),
            Map.of("public", true, "settings", Map.of("rate_limit_eps", 50)));
    assertThat(patched.status()).isEqualTo(200);
    JsonNode app = patched.json();
    assertThat(app.get("name").asText()).isEqualTo("Shop");
    assertThat(app.get("url").asText()).isEqualTo("https://shop.example");
    assertThat(app.get("public").asBoolean()).isTrue();
    assertThat(app.get("version").asLong()).isEqualTo(2);
    assertThat(app.get("settings").toString())
        .isEqualTo("{\"rate_limit_eps\":50,\"max_connections\":10000,\"session_timeout_min\":30}");

    Map<String, Object> clearUrl = new java.util.HashMap<>();
    clearUrl.put("url", null);
    JsonNode cleared = api.patch("/v1/apps/" + id, ann.accessToken(), clearUrl).json();
    assertThat(cleared.has("url")).isFalse();
    assertThat(cleared.get("version").asLong()).isEqualTo(3);
    assertThat(api.patch("/v1/apps/" + id, ann.accessToken(), Map.of()).status()).isEqualTo(400);
  }

  @Test
  void theListHoldsMyAppsAndThePublicAppsOfMyOrganisationOnly() {
    TestUser ann = api.newUser("ann", domain);
    TestUser bob = api.newUser("bob", domain);
    TestUser eve = api.newUser("eve", TestApi.newDomain());
    String annPrivate = create(ann, "Ann private", false);
    String annPublic = create(ann, "Ann public", true);
    String bobPrivate = create(bob, "Bob private", false);
    create(eve, "Eve public", true);

    assertThat(names(api.get("/v1/apps", bob.accessToken()).json()))
        .containsExactly("Ann public", "Bob private");
    assertThat(roles(api.get("/v1/apps", bob.accessToken()).json()))
        .containsExactly("reader", "owner");
    assertThat(names(api.get("/v1/apps", ann.accessToken()).json()))
        .containsExactly("Ann private", "Ann public");
    assertThat(api.get("/v1/apps/" + annPrivate, bob.accessToken()).status()).isEqualTo(404);
    assertThat(api.get("/v1/apps/" + annPublic, bob.accessToken()).status()).isEqualTo(200);
    assertThat(api.get("/v1/apps/" + bobPrivate, eve.accessToken()).status()).isEqualTo(404);
  }

  @Test
  void theListIsPagedWithACursor() {
    TestUser ann = api.newUser("ann", domain);
    for (int i = 1; i <= 5; i++) {
      create(ann, "App " + i, false);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Reply page =
          api.get(
              "/v1/apps?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), ann.accessToken());
      assertThat(page.status()).isEqualTo(200);
      seen.addAll(names(page.json()));
      cursor = page.json().path("next_cursor").asText(null);
      pages++;
    } while (cursor != null);
    assertThat(seen).containsExactly("App 1", "App 2", "App 3", "App 4", "App 5");
    assertThat(pages).isEqualTo(3);
    assertThat(api.get("/v1/apps?cursor=bogus!", ann.accessToken()).status()).isEqualTo(400);
    assertThat(api.get("/v1/apps?limit=0", ann.accessToken()).status()).isEqualTo(400);
  }

  @Test
  void deletingAnAppRemovesItAndRevokesItsToken() {
    TestUser ann = api.newUser("ann", domain);
    String id = create(ann, "Shop", false);
    assertThat(api.post("/v1/apps/" + id + "/token", ann.accessToken(), null).status())
        .isEqualTo(201);

    assertThat(api.delete("/v1/apps/" + id, ann.accessToken()).status()).isEqualTo(204);
    assertThat(api.get("/v1/apps/" + id, ann.accessToken()).status()).isEqualTo(404);
    assertThat(api.delete("/v1/apps/" + id, ann.accessToken()).status()).isEqualTo(404);
  }

  @Test
  void unknownAndMalformedAppIdsAreNotFound() {
    TestUser ann = api.newUser("ann", domain);
    assertThat(api.get("/v1/apps/00000000-0000-0000-0000-000000000000", ann.accessToken()).status())
        .isEqualTo(404);
    Reply malformed = api.get("/v1/apps/not-a-uuid", ann.accessToken());
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.body())
        .isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"App not found.\"}}");
  }

  private static String create(TestUser user, String name, boolean isPublic) {
    return TestApi.require(
            api.post("/v1/apps", user.accessToken(), Map.of("name", name, "public", isPublic)), 201)
        .text("id");
  }

  private static String invalid(TestUser user, Map<String, Object> body) {
    Reply reply = api.post("/v1/apps", user.accessToken(), body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("validation_failed");
    return reply.json().at("/error/message").asText();
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.get("items").forEach(app -> names.add(app.get("name").asText()));
    return names;
  }

  private static List<String> roles(JsonNode page) {
    List<String> roles = new ArrayList<>();
    page.get("items").forEach(app -> roles.add(app.get("role").asText()));
    return roles;
  }
}
