package io.clickstream.metadata.accounts;

import io.clickstream.metadata.auth.Authenticator;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.JsonBodies;
import io.clickstream.metadata.http.JsonInput;
import io.clickstream.metadata.http.Responses;
import io.clickstream.metadata.http.Routes;
import io.clickstream.metadata.http.Text;
import io.clickstream.platform.auth.Principal;
import io.clickstream.platform.http.HttpService;
import io.undertow.util.Methods;

/** {@code /v1/auth/*} and {@code /v1/users/me} (DESIGN §6). */
public final class AccountRoutes implements Routes {
  private final Accounts accounts;
  private final Authenticator authenticator;

  public AccountRoutes(Accounts accounts, Authenticator authenticator) {
    this.accounts = accounts;
    this.authenticator = authenticator;
  }

  @Override
  public void addTo(HttpService.Builder http) {
    http.post(
        "/v1/auth/register",
        exchange -> {
          JsonInput body = JsonBodies.object(exchange).allowOnly("email", "password", "name");
          String email = requiredRaw(body, "email");
          String name = body.text("name", Text.NAME);
          return Responses.created(accounts.register(email, requiredRaw(body, "password"), name));
        });
    http.post(
        "/v1/auth/login",
        exchange -> {
          JsonInput body = JsonBodies.object(exchange).allowOnly("email", "password");
          return accounts.login(requiredRaw(body, "email"), requiredRaw(body, "password"));
        });
    http.post(
        "/v1/auth/refresh",
        exchange -> {
          JsonInput body = JsonBodies.object(exchange).allowOnly("refresh_token");
          return accounts.refresh(requiredRaw(body, "refresh_token"));
        });
    http.post(
        "/v1/auth/logout",
        exchange -> {
          JsonInput body = JsonBodies.object(exchange).allowOnly("refresh_token");
          accounts.logout(requiredRaw(body, "refresh_token"));
          return Responses.noContent();
        });
    http.get("/v1/users/me", exchange -> accounts.me(authenticator.require(exchange)));
    http.route(
        Methods.PATCH,
        "/v1/users/me",
        exchange -> {
          Principal principal = authenticator.require(exchange);
          JsonInput body =
              JsonBodies.object(exchange)
                  .allowOnly("name", "password", "current_password", "email");
          if (body.has("email")) {
            throw ApiErrors.invalid(
                "email", "cannot be changed: it decides the organisation you belong to");
          }
          return accounts.update(
              principal,
              body.optionalText("name", Text.NAME),
              body.rawText("password"),
              body.rawText("current_password"));
        });
    http.route(
        Methods.DELETE,
        "/v1/users/me",
        exchange -> {
          accounts.delete(authenticator.require(exchange));
          return Responses.noContent();
        });
  }

  private static String requiredRaw(JsonInput body, String field) {
    String value = body.rawText(field);
    if (value == null || value.isEmpty()) {
      throw ApiErrors.invalid(field, "is required");
    }
    if (value.length() > 1024) {
      throw ApiErrors.invalid(field, "is too long");
    }
    return value;
  }
}
