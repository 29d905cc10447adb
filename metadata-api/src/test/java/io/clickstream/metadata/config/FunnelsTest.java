package io.clickstream.metadata.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.metadata.support.Reply;
import io.clickstream.metadata.support.TestApi;
import io.clickstream.metadata.support.TestUser;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Funnels: steps and windows as DESIGN §4 defines them, CRUD and paging. */
class FunnelsTest {
  private static TestApi api;
  private static TestUser owner;
  private static String app;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    owner = api.newUser("owner", TestApi.newDomain());
    app = api.post("/v1/apps", owner.accessToken(), Map.of("name", "Shop")).text("id");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static Map<String, Object> step(String type, Map<String, Object> match) {
    return Map.of("type", type, "match", match);
  }

  private static Map<String, Object> checkout() {
    return Map.of(
        "name",
        "Checkout",
        "window_ms",
        3_600_000,
        "steps",
        List.of(
            step("pageview", Map.of("path", "/products/*")),
            Map.of("type", "add_to_cart", "match", Map.of("product_id", "sku-42"), "label", "Cart"),
            step("purchase", Map.of())));
  }

  @Test
  void aFunnelIsCreatedWithDefaultLabelsAndReadBack() {
    Reply created = api.post("/v1/apps/" + app + "/funnels", owner.accessToken(), checkout());
    assertThat(created.status()).isEqualTo(201);
    JsonNode funnel = created.json();
    assertThat(funnel.get("steps").toString())
        .isEqualTo(
            "[{\"type\":\"pageview\",\"match\":{\"path\":\"/products/*\"},\"label\":\"pageview"
                + " /products/*\"},{\"type\":\"add_to_cart\",\"match\":{\"product_id\":\"sku-42\"},"
                + "\"label\":\"Cart\"},{\"type\":\"purchase\",\"match\":{},\"label\":\"purchase\"}]");
    assertThat(funnel.get("window_ms").asLong()).isEqualTo(3_600_000);
    String id = funnel.get("id").asText();
    assertThat(api.get("/v1/apps/" + app + "/funnels/" + id, owner.accessToken()).json())
        .isEqualTo(funnel);
  }

  @Test
  void putReplacesAFunnelAndDeleteRemovesIt() {
    String id =
        api.post("/v1/apps/" + app + "/funnels", owner.accessToken(), checkout()).text("id");
    Map<String, Object> changed =
        Map.of(
            "name",
            "Signup",
            "window_ms",
            60_000,
            "steps",
            List.of(
                step("pageview", Map.of("path", "/")), step("custom", Map.of("name", "signup"))));
    Reply replaced = api.put("/v1/apps/" + app + "/funnels/" + id, owner.accessToken(), changed);
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.text("name")).isEqualTo("Signup");
    assertThat(replaced.json().get("steps")).hasSize(2);

    assertThat(api.delete("/v1/apps/" + app + "/funnels/" + id, owner.accessToken()).status())
        .isEqualTo(204);
    assertThat(api.get("/v1/apps/" + app + "/funnels/" + id, owner.accessToken()).status())
        .isEqualTo(404);
    assertThat(api.put("/v1/apps/" + app + "/funnels/" + id, owner.accessToken(), changed).status())
        .isEqualTo(404);
  }

  static Stream<Arguments> invalidFunnels() {
    Map<String, Object> pageview = step("pageview", Map.of("path", "/"));
    return Stream.of(
        Arguments.of(
            Map.of("name", "F", "window_ms", 60_000, "steps", List.of(pageview)),
            "'steps' must have at least 2 items"),
        Arguments.of(
            Map.of(
                "name",
                "F",
                "window_ms",
                60_000,
                "steps",
                java.util.Collections.nCopies(9, pageview)),
            "'steps' must have at most 8 items"),
        Arguments.of(
            Map.of("name", "F", "window_ms", 59_999, "steps", List.of(pageview, pageview)),
            "'window_ms' must be between 60000 and 7776000000"),
        Arguments.of(
            Map.of("name", "F", "window_ms", 7_776_000_001L, "steps", List.of(pageview, pageview)),
            "'window_ms' must be between 60000 and 7776000000"),
        Arguments.of(
            Map.of("name", "F", "steps", List.of(pageview, pageview)), "'window_ms' is required"),
        Arguments.of(
            Map.of(
                "name",
                "F",
                "window_ms",
                60_000,
                "steps",
                List.of(pageview, step("mouse_move", Map.of()))),
            "'steps[1].type' must be one of pageview, click, hover, custom, product_view,"
                + " add_to_cart, purchase, identify, session_start"),
        Arguments.of(
            Map.of(
                "name",
                "F",
                "window_ms",
                60_000,
                "steps",
                List.of(pageview, step("pageview", Map.of("target", "#buy")))),
            "'steps[1].match.target' cannot be matched for pageview steps; allowed: path"),
        Arguments.of(
            Map.of(
                "name",
                "F",
                "window_ms",
                60_000,
                "steps",
                List.of(pageview, step("pageview", Map.of("path", "checkout")))),
            "'steps[1].match.path' must be a URL path starting with / (no query or fragment); *"
                + " matches any characters"),
        Arguments.of(
            Map.of(
                "name",
                "F",
                "window_ms",
                60_000,
                "steps",
                List.of(pageview, step("custom", Map.of("colour", "red")))),
            "'steps[1].match.colour' is not a known field; expected path, target, name,"
                + " product_id"),
        Arguments.of(
            Map.of("name", "F", "window_ms", 60_000, "steps", List.of(pageview, "pageview")),
            "'steps[1]' must be an object"),
        Arguments.of(
            Map.of("window_ms", 60_000, "steps", List.of(pageview, pageview)),
            "'name' is required"));
  }

  @ParameterizedTest
  @MethodSource("invalidFunnels")
  void invalidFunnelsAreRefusedWithTheFieldNamed(Map<String, Object> funnel, String message) {
    Reply reply = api.post("/v1/apps/" + app + "/funnels", owner.accessToken(), funnel);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().at("/error/message").asText()).isEqualTo(message);
  }

  @Test
  void theListIsPagedInCreationOrder() {
    String paged = api.post("/v1/apps", owner.accessToken(), Map.of("name", "Paged")).text("id");
    for (int i = 1; i <= 5; i++) {
      Map<String, Object> funnel = new java.util.HashMap<>(checkout());
      funnel.put("name", "F" + i);
      api.post("/v1/apps/" + paged + "/funnels", owner.accessToken(), funnel);
    }
    Reply first = api.get("/v1/apps/" + paged + "/funnels?limit=3", owner.accessToken());
    assertThat(names(first)).containsExactly("F1", "F2", "F3");
    Reply second =
        api.get(
            "/v1/apps/" + paged + "/funnels?limit=3&cursor=" + first.text("next_cursor"),
            owner.accessToken());
    assertThat(names(second)).containsExactly("F4", "F5");
    assertThat(second.json().has("next_cursor")).isFalse();
  }

  private static List<String> names(Reply page) {
    return page.json().get("items").findValuesAsText("name");
  }
}
