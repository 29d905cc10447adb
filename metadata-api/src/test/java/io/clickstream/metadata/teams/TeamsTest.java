package io.clickstream.metadata.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.metadata.support.Concurrently;
import io.clickstream.metadata.support.Reply;
import io.clickstream.metadata.support.TestApi;
import io.clickstream.metadata.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invitations within the organisation, roles, listing and removing members. */
class TeamsTest {
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
  void anInvitationIsPendingUntilAcceptedAndThenTheInviteeHasTheRole() {
    TestUser owner = api.newUser("owner", domain);
    TestUser bob = api.newUser("bob", domain);
    String app = app(owner);

    Reply invited =
        api.post(
            "/v1/apps/" + app + "/members",
            owner.accessToken(),
            Map.of("email", bob.email().toUpperCase(), "role", "viewer"));
    assertThat(invited.status()).isEqualTo(201);
    assertThat(invited.text("status")).isEqualTo("pending");
    assertThat(invited.text("email")).isEqualTo(bob.email());
    assertThat(invited.text("role")).isEqualTo("viewer");
    assertThat(api.get("/v1/apps/" + app, bob.accessToken()).status()).isEqualTo(404);

    JsonNode mine = api.get("/v1/invitations", bob.accessToken()).json().get("items");
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("app_name").asText()).isEqualTo("Shop");
    String invitation = mine.get(0).get("id").asText();

    Reply accepted = api.post("/v1/invitations/" + invitation + "/accept", bob.accessToken(), null);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.text("status")).isEqualTo("accepted");
    assertThat(api.get("/v1/apps/" + app, bob.accessToken()).text("role")).isEqualTo("viewer");
    assertThat(api.get("/v1/invitations", bob.accessToken()).json().get("items")).isEmpty();
    Reply again = api.post("/v1/invitations/" + invitation + "/accept", bob.accessToken(), null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("invitation_closed");
  }

  @Test
  void invitedColleaguesAreEditorsByDefault() {
    TestUser owner = api.newUser("owner", domain);
    TestUser bob = api.newUser("bob", domain);
    String app = app(owner);
    join(owner, bob, app, Map.of("email", bob.email()));
    assertThat(api.get("/v1/apps/" + app, bob.accessToken()).text("role")).isEqualTo("editor");
  }

  @Test
  void aDeclinedInvitationGrantsNothing() {
    TestUser owner = api.newUser("owner", domain);
    TestUser bob = api.newUser("bob", domain);
    String app = app(owner);
    String invitation = invite(owner, app, bob.email()).text("id");

    Reply declined =
        api.post("/v1/invitations/" + invitation + "/decline", bob.accessToken(), null);
    assertThat(declined.status()).isEqualTo(200);
    assertThat(declined.text("status")).isEqualTo("declined");
    assertThat(api.get("/v1/apps/" + app, bob.accessToken()).status()).isEqualTo(404);
    assertThat(
            api.post("/v1/invitations/" + invitation + "/accept", bob.accessToken(), null).status())
        .isEqualTo(409);
  }

  @Test
  void onlyTheInviteeCanAnswerAnInvitation() {
    TestUser owner = api.newUser("owner", domain);
    TestUser bob = api.newUser("bob", domain);
    TestUser carol = api.newUser("carol", domain);
    String invitation = invite(owner, app(owner), bob.email()).text("id");

    assertThat(
            api.post("/v1/invitations/" + invitation + "/accept", carol.accessToken(), null)
                .status())
        .isEqualTo(404);
    assertThat(
            api.post("/v1/invitations/" + invitation + "/accept", owner.accessToken(), null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void colleaguesOfAnotherOrganisationCannotBeInvited() {
    TestUser owner = api.newUser("owner", domain);
    Reply reply =
        api.post(
            "/v1/apps/" + app(owner) + "/members",
            owner.accessToken(),
            Map.of("email", "someone@" + TestApi.newDomain()));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("other_organisation");
  }

  @Test
  void theOwnerAndMembersCannotBeInvitedAgainNorCanAPendingInvitationBeRepeated() {
    TestUser owner = api.newUser("owner", domain);
    TestUser bob = api.newUser("bob", domain);
    String app = app(owner);
    assertThat(invite(owner, app, owner.email()).errorCode()).isEqualTo("already_member");
    assertThat(invite(owner, app, "later@" + domain).status()).isEqualTo(201);
    assertThat(invite(owner, app, "later@" + domain).errorCode()).isEqualTo("invitation_pending");
    join(owner, bob, app, Map.of("email", bob.email()));
    assertThat(invite(owner, app, bob.email()).errorCode()).isEqualTo("already_member");
    assertThat(
            api.post(
                    "/v1/apps/" + app + "/members",
                    owner.accessToken(),
                    Map.of("email", "x@" + domain, "role", "owner"))
                .json()
                .at("/error/message")
                .asText())
        .isEqualTo("'role' must be editor or viewer");
  }

  @Test
  void twoSimultaneousInvitationsOfOnePersonLeaveExactlyOnePending() throws Exception {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);
    String email = "racer@" + domain;
    List<Integer> statuses = Concurrently.run(2, () -> invite(owner, app, email).status());

    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    TestUser racer = registerAs(email);
    assertThat(api.get("/v1/invitations", racer.accessToken()).json().get("items")).hasSize(1);
  }

  @Test
  void simultaneousInvitationsOfDifferentPeopleAllSucceed() throws Exception {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    List<Integer> statuses =
        Concurrently.run(
            4, () -> invite(owner, app, "p" + n.incrementAndGet() + "@" + domain).status());
    assertThat(statuses).containsExactly(201, 201, 201, 201);
    assertThat(
            api.get("/v1/apps/" + app + "/members", owner.accessToken())
                .json()
                .get("pending_invitations"))
        .hasSize(4);
  }

  @Test
  void membersAreListedWithTheOwnerFirst() {
    TestUser owner = api.newUser("owner", domain);
    TestUser bob = api.newUser("bob", domain);
    TestUser carol = api.newUser("carol", domain);
    String app = app(owner);
    join(owner, bob, app, Map.of("email", bob.email(), "role", "editor"));
    join(owner, carol, app, Map.of("email", carol.email(), "role", "viewer"));

    JsonNode members = api.get("/v1/apps/" + app + "/members", carol.accessToken()).json();
    List<String> rows = new ArrayList<>();
    members
        .get("items")
        .forEach(m -> rows.add(m.get("email").asText() + " " + m.get("role").asText()));
    assertThat(rows)
        .containsExactly(
            owner.email() + " owner", bob.email() + " editor", carol.email() + " viewer");
    // Pending invitations are the owner's business.
    assertThat(members.has("pending_invitations")).isFalse();
  }

  @Test
  void theOwnerRemovesMembersMembersMayLeaveAndTheOwnerStays() {
    TestUser owner = api.newUser("owner", domain);
    TestUser bob = api.newUser("bob", domain);
    TestUser carol = api.newUser("carol", domain);
    String app = app(owner);
    join(owner, bob, app, Map.of("email", bob.email()));
    join(owner, carol, app, Map.of("email", carol.email()));

    assertThat(api.delete("/v1/apps/" + app + "/members/" + carol.id(), bob.accessToken()).status())
        .isEqualTo(403);
    assertThat(
            api.delete("/v1/apps/" + app + "/members/" + carol.id(), owner.accessToken()).status())
        .isEqualTo(204);
    assertThat(api.get("/v1/apps/" + app, carol.accessToken()).status()).isEqualTo(404);
    assertThat(api.delete("/v1/apps/" + app + "/members/" + bob.id(), bob.accessToken()).status())
        .isEqualTo(204);
    assertThat(api.get("/v1/apps/" + app, bob.accessToken()).status()).isEqualTo(404);

    Reply ownerLeaves =
        api.delete("/v1/apps/" + app + "/members/" + owner.id(), owner.accessToken());
    assertThat(ownerLeaves.status()).isEqualTo(409);
    assertThat(ownerLeaves.errorCode()).isEqualTo("owner_cannot_leave");
    assertThat(api.delete("/v1/apps/" + app + "/members/" + bob.id(), owner.accessToken()).status())
        .isEqualTo(404);
  }

  @Test
  void theOwnerCanWithdrawAPendingInvitation() {
    TestUser owner = api.newUser("owner", domain);
    TestUser bob = api.newUser("bob", domain);
    String app = app(owner);
    String invitation = invite(owner, app, bob.email()).text("id");

    assertThat(
            api.delete("/v1/apps/" + app + "/invitations/" + invitation, owner.accessToken())
                .status())
        .isEqualTo(204);
    assertThat(api.get("/v1/invitations", bob.accessToken()).json().get("items")).isEmpty();
    assertThat(
            api.post("/v1/invitations/" + invitation + "/accept", bob.accessToken(), null).status())
        .isEqualTo(409);
  }

  @Test
  void anInvitationWaitsForSomeoneWhoRegistersLater() {
    TestUser owner = api.newUser("owner", domain);
    String app = app(owner);
    String email = "newcomer@" + domain;
    invite(owner, app, email);
    TestUser newcomer = registerAs(email);
    String invitation =
        api.get("/v1/invitations", newcomer.accessToken()).json().at("/items/0/id").asText();
    api.post("/v1/invitations/" + invitation + "/accept", newcomer.accessToken(), null);
    assertThat(api.get("/v1/apps/" + app, newcomer.accessToken()).text("role")).isEqualTo("editor");
  }

  private static String app(TestUser owner) {
    return TestApi.require(api.post("/v1/apps", owner.accessToken(), Map.of("name", "Shop")), 201)
        .text("id");
  }

  private static Reply invite(TestUser owner, String app, String email) {
    return api.post("/v1/apps/" + app + "/members", owner.accessToken(), Map.of("email", email));
  }

  private static void join(TestUser owner, TestUser member, String app, Map<String, String> body) {
    String id =
        TestApi.require(api.post("/v1/apps/" + app + "/members", owner.accessToken(), body), 201)
            .text("id");
    TestApi.require(api.post("/v1/invitations/" + id + "/accept", member.accessToken(), null), 200);
  }

  private static TestUser registerAs(String email) {
    TestApi.require(
        api.post(
            "/v1/auth/register",
            null,
            Map.of("email", email, "password", TestApi.PASSWORD, "name", "New")),
        201);
    Reply login =
        api.post("/v1/auth/login", null, Map.of("email", email, "password", TestApi.PASSWORD));
    return new TestUser(null, email, TestApi.PASSWORD, login.text("access_token"), null);
  }
}
