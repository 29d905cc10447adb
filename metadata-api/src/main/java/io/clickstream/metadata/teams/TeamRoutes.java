package io.clickstream.metadata.teams;

import io.clickstream.metadata.auth.Authenticator;
import io.clickstream.metadata.auth.Role;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.JsonBodies;
import io.clickstream.metadata.http.JsonInput;
import io.clickstream.metadata.http.Page;
import io.clickstream.metadata.http.PathParams;
import io.clickstream.metadata.http.Responses;
import io.clickstream.metadata.http.Routes;
import io.clickstream.metadata.http.Text;
import io.clickstream.platform.auth.Principal;
import io.clickstream.platform.http.HttpService;
import io.undertow.util.Methods;

/** Members of an app and invitations (DESIGN §6). */
public final class TeamRoutes implements Routes {
  private final Teams teams;
  private final Authenticator authenticator;

  public TeamRoutes(Teams teams, Authenticator authenticator) {
    this.teams = teams;
    this.authenticator = authenticator;
  }

  @Override
  public void addTo(HttpService.Builder http) {
    http.post(
        "/v1/apps/{id}/members",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          JsonInput body = JsonBodies.object(exchange).allowOnly("email", "role");
          String email = body.text("email", new Text(320, false));
          return Responses.created(
              teams.invite(caller, PathParams.id(exchange, "id", "App"), email, role(body)));
        });
    http.get(
        "/v1/apps/{id}/members",
        exchange ->
            teams.members(authenticator.require(exchange), PathParams.id(exchange, "id", "App")));
    http.route(
        Methods.DELETE,
        "/v1/apps/{id}/members/{userId}",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          teams.remove(
              caller,
              PathParams.id(exchange, "id", "App"),
              PathParams.id(exchange, "userId", "Member"));
          return Responses.noContent();
        });
    http.route(
        Methods.DELETE,
        "/v1/apps/{id}/invitations/{invitationId}",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          teams.withdraw(
              caller,
              PathParams.id(exchange, "id", "App"),
              PathParams.id(exchange, "invitationId", "Pending invitation"));
          return Responses.noContent();
        });
    http.get(
        "/v1/invitations",
        exchange -> new Page<>(teams.mine(authenticator.require(exchange)), null));
    http.post(
        "/v1/invitations/{id}/accept",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          return teams.accept(caller, PathParams.id(exchange, "id", "Invitation"));
        });
    http.post(
        "/v1/invitations/{id}/decline",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          return teams.decline(caller, PathParams.id(exchange, "id", "Invitation"));
        });
  }

  /** Invited colleagues are editors unless asked otherwise; nobody is invited as owner. */
  private static Role role(JsonInput body) {
    String role = body.optionalText("role", Text.NAME);
    if (role == null || role.equals("editor")) {
      return Role.EDITOR;
    }
    if (role.equals("viewer")) {
      return Role.VIEWER;
    }
    throw ApiErrors.invalid("role", "must be editor or viewer");
  }
}
