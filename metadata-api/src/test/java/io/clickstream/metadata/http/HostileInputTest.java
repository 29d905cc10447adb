package io.clickstream.metadata.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.metadata.support.Reply;
import io.clickstream.metadata.support.TestApi;
import io.clickstream.metadata.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever a client sends, the answer is a JSON error with a precise status, never a 500. */
class HostileInputTest {
  private static TestApi api;
  private static TestUser user;
  private static String app;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    user = api.newUser("ann", TestApi.newDomain());
    app = api.post("/v1/apps", user.accessToken(), Map.of("name", "Shop")).text("id");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static Stream<Arguments> hostileBodies() {
    return Stream.of(
        Arguments.of("{\"name\":", 400, "malformed_json"),
        Arguments.of("[1,2,3]", 400, "malformed_json"),
        Arguments.of("\"just a string\"", 400, "malformed_json"),
        Arguments.of("null", 400, "malformed_json"),
        Arguments.of("{\"name\":\"a\"} trailing", 400, "malformed_json"),
        Arguments.of("{\"name\":\"a\",\"name\":\"b\"}", 400, "malformed_json"),
        Arguments.of("[".repeat(5000) + "]".repeat(5000), 400, "malformed_json"),
        Arguments.of("{\"name\":\"a\\u0000b\"}", 400, "validation_failed"),
        Arguments.of("{\"name\":\"\\ud800\"}", 400, "validation_failed"),
        Arguments.of("{\"name\":\"evil\\u202egnp.exe\"}", 400, "validation_failed"),
        Arguments.of("{\"name\":\"   \"}", 400, "validation_failed"),
        Arguments.of("{\"name\":{\"$gt\":\"\"}}", 400, "validation_failed"),
        Arguments.of(
            "{\"name\":\"a\",\"settings\":{\"rate_limit_eps\":1e400}}", 400, "validation_failed"),
        Arguments.of(
            "{\"name\":\"a\",\"settings\":{\"rate_limit_eps\":99999999999999999999999}}",
            400,
            "validation_failed"),
        Arguments.of(
            "{\"name\":\"a\",\"settings\":{\"rate_limit_eps\":1.5}}", 400, "validation_failed"),
        Arguments.of("{\"name\":\"Robert'); DROP TABLE apps;--\"}", 201, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBodies")
  void hostileBodiesGetPreciseJsonAnswers(String body, int status, String code) {
    Reply reply = api.post("/v1/apps", user.accessToken(), body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.errorCode()).isEqualTo(code);
  }

  @Test
  void sqlInTextIsStoredAsText() {
    Reply created =
        api.post("/v1/apps", user.accessToken(), Map.of("name", "x'; DELETE FROM users;--"));
    assertThat(api.get("/v1/apps/" + created.text("id"), user.accessToken()).text("name"))
        .isEqualTo("x'; DELETE FROM users;--");
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    byte[] big = ("{\"name\":\"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    Reply reply =
        api.raw(
            "POST",
            "/v1/apps",
            Map.of("Authorization", "Bearer " + user.accessToken()),
            "application/json",
            big);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.errorCode()).isEqualTo("payload_too_large");
  }

  @Test
  void anEmptyBodyAndAForeignContentTypeAreRefused() {
    Reply empty =
        api.raw(
            "POST",
            "/v1/apps",
            Map.of("Authorization", "Bearer " + user.accessToken()),
            "application/json",
            new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorCode()).isEqualTo("malformed_json");
    Reply xml =
        api.raw(
            "POST",
            "/v1/apps",
            Map.of("Authorization", "Bearer " + user.accessToken()),
            "application/xml",
            "<app/>".getBytes(StandardCharsets.UTF_8));
    assertThat(xml.status()).isEqualTo(415);
    assertThat(xml.errorCode()).isEqualTo("unsupported_media_type");
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrors() {
    Reply unknown = api.get("/v1/nothing-here", user.accessToken());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("not_found");
    Reply method = api.send("PUT", "/v1/apps", user.accessToken(), Map.of());
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.errorCode()).isEqualTo("method_not_allowed");
  }

  @Test
  void unknownIdsOfEveryKindAreNotFound() {
    String missing = "00000000-0000-4000-8000-000000000000";
    for (String path :
        new String[] {
          "/v1/apps/" + missing,
          "/v1/apps/" + app + "/funnels/" + missing,
          "/v1/apps/" + app + "/funnels/%27%20OR%201%3D1",
          "/v1/apps/" + app + "/tracked-elements/" + missing,
          "/v1/apps/" + app + "/products/nope",
          "/v1/apps/" + app + "/products/%00",
          "/v1/apps/" + app + "/profiles/" + "x".repeat(300),
        }) {
      Reply reply = api.get(path, user.accessToken());
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo("not_found");
    }
    assertThat(
            api.post("/v1/invitations/" + missing + "/accept", user.accessToken(), null).status())
        .isEqualTo(404);
  }

  @Test
  void hostileQueryParametersAreBadRequests() {
    for (String query :
        new String[] {
          "profiles?visitor_id=a%00b",
          "profiles?limit=abc",
          "funnels?cursor=%00",
          "products?limit=201"
        }) {
      Reply reply = api.get("/v1/apps/" + app + "/" + query, user.accessToken());
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("bad_request");
    }
  }

  @Test
  void aQueryParameterCannotShadowThePathsAppId() {
    TestUser other = api.newUser("other", TestApi.newDomain());
    String theirs = api.post("/v1/apps", other.accessToken(), Map.of("name", "Theirs")).text("id");
    Reply reply = api.get("/v1/apps/" + theirs + "?id=" + app, user.accessToken());
    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void malformedAuthorizationHeadersAreUnauthorised() {
    for (String header :
        new String[] {"Bearer", "Basic dXNlcjpwYXNz", "Bearer a.b.c", "bearer  "}) {
      Reply reply =
          api.raw("GET", "/v1/users/me", Map.of("Authorization", header), null, new byte[0]);
      assertThat(reply.status()).as(header).isEqualTo(401);
      assertThat(reply.errorCode()).isEqualTo("unauthorized");
    }
  }
}
