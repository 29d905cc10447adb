package io.clickstream.metadata.apps;

import io.clickstream.metadata.auth.Authenticator;
import io.clickstream.metadata.http.Cursor;
import io.clickstream.metadata.http.JsonBodies;
import io.clickstream.metadata.http.PathParams;
import io.clickstream.metadata.http.Responses;
import io.clickstream.metadata.http.Routes;
import io.clickstream.platform.http.HttpService;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.UUID;

/** {@code /v1/apps} and {@code /v1/apps/{id}} (DESIGN §6). */
public final class AppRoutes implements Routes {
  private final Apps apps;
  private final Authenticator authenticator;

  public AppRoutes(Apps apps, Authenticator authenticator) {
    this.apps = apps;
    this.authenticator = authenticator;
  }

  @Override
  public void addTo(HttpService.Builder http) {
    http.post(
        "/v1/apps",
        exchange ->
            Responses.created(
                apps.create(
                    authenticator.require(exchange),
                    AppFields.forCreate(JsonBodies.object(exchange)))));
    http.get(
        "/v1/apps",
        exchange ->
            apps.list(
                authenticator.require(exchange),
                Cursor.parts(exchange, 2),
                Cursor.limit(exchange)));
    http.get(
        "/v1/apps/{id}", exchange -> apps.get(authenticator.require(exchange), appId(exchange)));
    http.route(
        Methods.PATCH,
        "/v1/apps/{id}",
        exchange ->
            apps.update(
                authenticator.require(exchange),
                appId(exchange),
                AppFields.forUpdate(JsonBodies.object(exchange))));
    http.route(
        Methods.DELETE,
        "/v1/apps/{id}",
        exchange -> {
          apps.delete(authenticator.require(exchange), appId(exchange));
          return Responses.noContent();
        });
  }

  static UUID appId(HttpServerExchange exchange) {
    return PathParams.id(exchange, "id", "App");
  }
}
