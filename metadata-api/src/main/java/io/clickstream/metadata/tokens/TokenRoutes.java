package io.clickstream.metadata.tokens;

import io.clickstream.metadata.auth.Authenticator;
import io.clickstream.metadata.http.JsonBodies;
import io.clickstream.metadata.http.JsonInput;
import io.clickstream.metadata.http.Page;
import io.clickstream.metadata.http.PathParams;
import io.clickstream.metadata.http.Responses;
import io.clickstream.metadata.http.Routes;
import io.clickstream.metadata.http.Text;
import io.clickstream.platform.auth.Principal;
import io.clickstream.platform.http.HttpService;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.UUID;

/** The app token, the configuration lock and read API keys (DESIGN §6). */
public final class TokenRoutes implements Routes {
  private final Credentials credentials;
  private final Authenticator authenticator;

  public TokenRoutes(Credentials credentials, Authenticator authenticator) {
    this.credentials = credentials;
    this.authenticator = authenticator;
  }

  @Override
  public void addTo(HttpService.Builder http) {
    http.post(
        "/v1/apps/{id}/token",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          return Responses.created(credentials.issue(caller, appId(exchange)));
        });
    http.route(
        Methods.DELETE,
        "/v1/apps/{id}/token",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          credentials.revoke(caller, appId(exchange));
          return Responses.noContent();
        });
    http.post(
        "/v1/apps/{id}/unlock",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          return credentials.unlock(caller, appId(exchange));
        });
    http.post(
        "/v1/apps/{id}/api-keys",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          UUID app = appId(exchange);
          // The body is optional: a key needs no more than a name, which defaults.
          JsonInput body = JsonBodies.optionalObject(exchange);
          String given =
              body == null ? null : body.allowOnly("name").optionalText("name", Text.NAME);
          String name = given == null ? "API key" : given;
          return Responses.created(credentials.createApiKey(caller, app, name));
        });
    http.get(
        "/v1/apps/{id}/api-keys",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          return new Page<>(credentials.apiKeys(caller, appId(exchange)), null);
        });
    http.route(
        Methods.DELETE,
        "/v1/apps/{id}/api-keys",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          credentials.revokeApiKeys(caller, appId(exchange), null);
          return Responses.noContent();
        });
    http.route(
        Methods.DELETE,
        "/v1/apps/{id}/api-keys/{keyId}",
        exchange -> {
          Principal caller = authenticator.require(exchange);
          credentials.revokeApiKeys(
              caller, appId(exchange), PathParams.id(exchange, "keyId", "API key"));
          return Responses.noContent();
        });
  }

  private static UUID appId(HttpServerExchange exchange) {
    return PathParams.id(exchange, "id", "App");
  }
}
