package io.clickstream.metadata.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.metadata.support.Reply;
import io.clickstream.metadata.support.TestApi;
import io.clickstream.metadata.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint as every kind of caller, against the table of DESIGN §6: the owner, an editor, a
 * viewer, a colleague of the same organisation who is no member (of a private app, then of a public
 * one), someone of another organisation, and nobody. Each change expected to succeed gets a fresh
 * app; refusals run against a shared one (a wrongly accepted change fails its own case first).
 */
class AuthorizationMatrixTest {
  enum Caller {
    OWNER,
    EDITOR,
    VIEWER,
    COLLEAGUE,
    COLLEAGUE_OF_PUBLIC_APP,
    STRANGER,
    ANONYMOUS
  }

  /** One endpoint: method, path and body from a fixture, and the status per caller above. */
  record Endpoint(
      String method,
      String path,
      Function<Fixture, Object> body,
      int owner,
      int editor,
      int viewer,
      int colleague,
      int colleagueOfPublicApp,
      int stranger,
      int anonymous) {

    int expected(Caller caller) {
      return switch (caller) {
        case OWNER -> owner;
        case EDITOR -> editor;
        case VIEWER -> viewer;
        case COLLEAGUE -> colleague;
        case COLLEAGUE_OF_PUBLIC_APP -> colleagueOfPublicApp;
        case STRANGER -> stranger;
        case ANONYMOUS -> anonymous;
      };
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** An app with a member of each role, one of everything it can hold, and its ids. */
  record Fixture(
      String app,
      String funnel,
      String element,
      String apiKey,
      String invitation,
      boolean isPublic) {}

  private static TestApi api;
  private static String domain;
  private static Map<Caller, TestUser> users;
  private static Fixture sharedPrivate;
  private static Fixture sharedPublic;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    domain = TestApi.newDomain();
    users =
        Map.of(
            Caller.OWNER, api.newUser("owner", domain),
            Caller.EDITOR, api.newUser("editor", domain),
            Caller.VIEWER, api.newUser("viewer", domain),
            Caller.COLLEAGUE, api.newUser("colleague", domain),
            Caller.STRANGER, api.newUser("stranger", TestApi.newDomain()));
    sharedPrivate = fixture(false);
    sharedPublic = fixture(true);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static final int OK = 200;
  private static final int CREATED = 201;
  private static final int GONE = 204;
  private static final int NO = 403;
  private static final int HIDDEN = 404;
  private static final int WHO = 401;

  private static Endpoint read(String path) {
    return new Endpoint("GET", path, f -> null, OK, OK, OK, HIDDEN, OK, HIDDEN, WHO);
  }

  private static Endpoint ownerOnly(
      String method, String path, int success, Function<Fixture, Object> body) {
    return new Endpoint(method, path, body, success, NO, NO, HIDDEN, NO, HIDDEN, WHO);
  }

  private static Endpoint editing(
      String method, String path, int success, Function<Fixture, Object> body) {
    return new Endpoint(method, path, body, success, success, NO, HIDDEN, NO, HIDDEN, WHO);
  }

  private static final Map<String, Object> FUNNEL =
      Map.of(
          "name",
          "F",
          "window_ms",
          60_000,
          "steps",
          List.of(Map.of("type", "pageview"), Map.of("type", "purchase")));

  static List<Endpoint> endpoints() {
    String app = "/v1/apps/{app}";
    return List.of(
        read(app),
        ownerOnly("PATCH", app, OK, f -> Map.of("name", "Renamed")),
        ownerOnly("DELETE", app, GONE, f -> null),
        read(app + "/members"),
        ownerOnly(
            "POST",
            app + "/members",
            CREATED,
            f -> Map.of("email", "new-" + UUID.randomUUID() + "@" + domain)),
        // A member may remove themself (leave): here the viewer is removed.
        new Endpoint(
            "DELETE",
            app + "/members/{viewer}",
            f -> null,
            GONE,
            NO,
            GONE,
            HIDDEN,
            NO,
            HIDDEN,
            WHO),
        ownerOnly("DELETE", app + "/invitations/{invitation}", GONE, f -> null),
        ownerOnly("POST", app + "/token", CREATED, f -> null),
        ownerOnly("DELETE", app + "/token", GONE, f -> null),
        ownerOnly("POST", app + "/unlock", OK, f -> null),
        ownerOnly("POST", app + "/api-keys", CREATED, f -> Map.of("name", "k")),
        ownerOnly("GET", app + "/api-keys", OK, f -> null),
        ownerOnly("DELETE", app + "/api-keys", GONE, f -> null),
        ownerOnly("DELETE", app + "/api-keys/{apiKey}", GONE, f -> null),
        read(app + "/funnels"),
        read(app + "/funnels/{funnel}"),
        editing("POST", app + "/funnels", CREATED, f -> FUNNEL),
        editing("PUT", app + "/funnels/{funnel}", OK, f -> FUNNEL),
        editing("DELETE", app + "/funnels/{funnel}", GONE, f -> null),
        read(app + "/tracked-elements"),
        read(app + "/tracked-elements/{element}"),
        editing(
            "POST",
            app + "/tracked-elements",
            CREATED,
            f -> Map.of("name", "E", "selector", "#e2")),
        editing(
            "PUT",
            app + "/tracked-elements/{element}",
            OK,
            f -> Map.of("name", "E", "selector", "#e3")),
        editing("DELETE", app + "/tracked-elements/{element}", GONE, f -> null),
        read(app + "/products"),
        read(app + "/products/p1"),
        editing("POST", app + "/products", CREATED, f -> Map.of("id", "p2", "name", "P")),
        editing("PUT", app + "/products/p1", OK, f -> Map.of("name", "P")),
        editing("DELETE", app + "/products/p1", GONE, f -> null),
        read(app + "/profiles"),
        read(app + "/profiles/u1"),
        editing("POST", app + "/profiles", CREATED, f -> Map.of("user_id", "u2")),
        editing("PUT", app + "/profiles/u1", OK, f -> Map.of("traits", Map.of("plan", "pro"))),
        editing("DELETE", app + "/profiles/u1", GONE, f -> null),
        // Not about one app: any signed-in user, nobody else.
        new Endpoint("GET", "/v1/users/me", f -> null, OK, OK, OK, OK, OK, OK, WHO),
        new Endpoint(
            "PATCH", "/v1/users/me", f -> Map.of("name", "Same"), OK, OK, OK, OK, OK, OK, WHO),
        new Endpoint("GET", "/v1/apps", f -> null, OK, OK, OK, OK, OK, OK, WHO),
        new Endpoint(
            "POST",
            "/v1/apps",
            f -> Map.of("name", "Mine"),
            CREATED,
            CREATED,
            CREATED,
            CREATED,
            CREATED,
            CREATED,
            WHO),
        new Endpoint("GET", "/v1/invitations", f -> null, OK, OK, OK, OK, OK, OK, WHO),
        // The pending invitation of each fixture is addressed to the colleague.
        new Endpoint(
            "POST",
            "/v1/invitations/{invitation}/accept",
            f -> null,
            HIDDEN,
            HIDDEN,
            HIDDEN,
            OK,
            OK,
            HIDDEN,
            WHO),
        new Endpoint(
            "POST",
            "/v1/invitations/{invitation}/decline",
            f -> null,
            HIDDEN,
            HIDDEN,
            HIDDEN,
            OK,
            OK,
            HIDDEN,
            WHO));
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      for (Caller caller : Caller.values()) {
        cases.add(Arguments.of(endpoint, caller, endpoint.expected(caller)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} -> {2}")
  @MethodSource("cases")
  void everyEndpointAnswersEveryCallerAsTheRolesTableSays(
      Endpoint endpoint, Caller caller, int expected) {
    boolean isPublic = caller == Caller.COLLEAGUE_OF_PUBLIC_APP;
    // Only a change that is expected to succeed needs an app of its own; refusals change nothing.
    boolean changes = !endpoint.method().equals("GET") && expected < 400;
    Fixture fixture = changes ? fixture(isPublic) : isPublic ? sharedPublic : sharedPrivate;
    TestUser user = users.get(caller == Caller.COLLEAGUE_OF_PUBLIC_APP ? Caller.COLLEAGUE : caller);
    String path =
        endpoint
            .path()
            .replace("{app}", fixture.app())
            .replace("{funnel}", fixture.funnel())
            .replace("{element}", fixture.element())
            .replace("{apiKey}", fixture.apiKey())
            .replace("{invitation}", fixture.invitation())
            .replace("{viewer}", users.get(Caller.VIEWER).id());

    Reply reply =
        api.send(
            endpoint.method(),
            path,
            user == null ? null : user.accessToken(),
            endpoint.body().apply(fixture));

    assertThat(reply.status()).as(reply.body()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(reply.errorCode()).isNotNull();
    }
  }

  private static Fixture fixture(boolean isPublic) {
    String owner = users.get(Caller.OWNER).accessToken();
    String app =
        TestApi.require(
                api.post("/v1/apps", owner, Map.of("name", "Matrix", "public", isPublic)), 201)
            .text("id");
    join(app, Caller.EDITOR, "editor");
    join(app, Caller.VIEWER, "viewer");
    String base = "/v1/apps/" + app;
    String funnel = TestApi.require(api.post(base + "/funnels", owner, FUNNEL), 201).text("id");
    String element =
        TestApi.require(
                api.post(base + "/tracked-elements", owner, Map.of("name", "E", "selector", "#e")),
                201)
            .text("id");
    TestApi.require(api.post(base + "/products", owner, Map.of("id", "p1", "name", "P")), 201);
    TestApi.require(api.post(base + "/profiles", owner, Map.of("user_id", "u1")), 201);
    String apiKey = TestApi.require(api.post(base + "/api-keys", owner, null), 201).text("id");
    String invitation =
        TestApi.require(
                api.post(
                    base + "/members",
                    owner,
                    Map.of("email", users.get(Caller.COLLEAGUE).email(), "role", "viewer")),
                201)
            .text("id");
    // A token is out, and the configuration unlocked again: every change is possible.
    TestApi.require(api.post(base + "/token", owner, null), 201);
    TestApi.require(api.post(base + "/unlock", owner, null), 200);
    return new Fixture(app, funnel, element, apiKey, invitation, isPublic);
  }

  private static void join(String app, Caller member, String role) {
    String invitation =
        TestApi.require(
                api.post(
                    "/v1/apps/" + app + "/members",
                    users.get(Caller.OWNER).accessToken(),
                    Map.of("email", users.get(member).email(), "role", role)),
                201)
            .text("id");
    TestApi.require(
        api.post(
            "/v1/invitations/" + invitation + "/accept", users.get(member).accessToken(), null),
        200);
  }
}
