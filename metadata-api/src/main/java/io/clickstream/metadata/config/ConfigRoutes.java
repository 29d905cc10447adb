package io.clickstream.metadata.config;

import io.clickstream.metadata.auth.Authenticator;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.Cursor;
import io.clickstream.metadata.http.JsonBodies;
import io.clickstream.metadata.http.JsonInput;
import io.clickstream.metadata.http.PathParams;
import io.clickstream.metadata.http.Responses;
import io.clickstream.metadata.http.Routes;
import io.clickstream.metadata.http.Text;
import io.clickstream.platform.auth.Principal;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.HttpService;
import io.clickstream.platform.http.QueryParams;
import io.clickstream.platform.http.Response;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Tracking configuration (DESIGN §6): funnels, tracked elements, products and profiles, each a
 * collection with cursor pagination. Members read; owners and editors change, while unlocked.
 */
public final class ConfigRoutes implements Routes {
  private static final Text EXTERNAL_ID = Text.LONG_NAME;
  private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

  private final Funnels funnels;
  private final TrackedElements elements;
  private final Products products;
  private final Profiles profiles;
  private final Authenticator authenticator;

  public ConfigRoutes(
      Funnels funnels,
      TrackedElements elements,
      Products products,
      Profiles profiles,
      Authenticator authenticator) {
    this.funnels = funnels;
    this.elements = elements;
    this.products = products;
    this.profiles = profiles;
    this.authenticator = authenticator;
  }

  @Override
  public void addTo(HttpService.Builder http) {
    addFunnels(http);
    addTrackedElements(http);
    addProducts(http);
    addProfiles(http);
  }

  private void addFunnels(HttpService.Builder http) {
    String collection = "/v1/apps/{id}/funnels";
    String item = collection + "/{funnelId}";
    http.get(collection, x -> funnels.list(caller(x), app(x), Cursor.parts(x, 2), Cursor.limit(x)));
    http.post(
        collection,
        x -> {
          Principal caller = caller(x);
          UUID app = app(x);
          return Responses.created(funnels.create(caller, app, funnelFields(x)));
        });
    http.get(item, x -> funnels.get(caller(x), app(x), funnelId(x)));
    http.route(
        Methods.PUT,
        item,
        x -> {
          Principal caller = caller(x);
          UUID app = app(x);
          UUID funnel = funnelId(x);
          return funnels.replace(caller, app, funnel, funnelFields(x));
        });
    http.route(
        Methods.DELETE,
        item,
        x -> {
          funnels.delete(caller(x), app(x), funnelId(x));
          return Responses.noContent();
        });
  }

  private void addTrackedElements(HttpService.Builder http) {
    String collection = "/v1/apps/{id}/tracked-elements";
    String item = collection + "/{elementId}";
    http.get(
        collection, x -> elements.list(caller(x), app(x), Cursor.parts(x, 2), Cursor.limit(x)));
    http.post(
        collection,
        x -> {
          Principal caller = caller(x);
          UUID app = app(x);
          return Responses.created(elements.create(caller, app, elementFields(x)));
        });
    http.get(item, x -> elements.get(caller(x), app(x), elementId(x)));
    http.route(
        Methods.PUT,
        item,
        x -> {
          Principal caller = caller(x);
          UUID app = app(x);
          UUID element = elementId(x);
          return elements.replace(caller, app, element, elementFields(x));
        });
    http.route(
        Methods.DELETE,
        item,
        x -> {
          elements.delete(caller(x), app(x), elementId(x));
          return Responses.noContent();
        });
  }

  private void addProducts(HttpService.Builder http) {
    String collection = "/v1/apps/{id}/products";
    String item = collection + "/{productId}";
    http.get(
        collection, x -> products.list(caller(x), app(x), Cursor.parts(x, 1), Cursor.limit(x)));
    http.post(
        collection,
        x -> {
          Principal caller = caller(x);
          UUID app = app(x);
          JsonInput body = JsonBodies.object(x).allowOnly("id", "name", "category", "price");
          String productId = externalId(body.text("id", EXTERNAL_ID), "id");
          return Responses.created(products.create(caller, app, productId, productFields(body)));
        });
    http.get(item, x -> products.get(caller(x), app(x), productId(x)));
    http.route(
        Methods.PUT,
        item,
        x -> {
          Principal caller = caller(x);
          UUID app = app(x);
          String productId = productId(x);
          JsonInput body = JsonBodies.object(x).allowOnly("id", "name", "category", "price");
          sameId(body, "id", productId);
          Products.Written written = products.put(caller, app, productId, productFields(body));
          return Response.of(written.created() ? 201 : 200, written.product());
        });
    http.route(
        Methods.DELETE,
        item,
        x -> {
          products.delete(caller(x), app(x), productId(x));
          return Responses.noContent();
        });
  }

  private void addProfiles(HttpService.Builder http) {
    String collection = "/v1/apps/{id}/profiles";
    String item = collection + "/{userId}";
    http.get(
        collection,
        x -> {
          String visitor = QueryParams.optional(x, "visitor_id").orElse(null);
          if (visitor != null && ProfileTraits.VISITOR_ID.problem(visitor) != null) {
            throw ApiException.badRequest(
                "Parameter 'visitor_id' " + ProfileTraits.VISITOR_ID.problem(visitor) + ".");
          }
          return profiles.list(caller(x), app(x), visitor, Cursor.parts(x, 1), Cursor.limit(x));
        });
    http.post(
        collection,
        x -> {
          Principal caller = caller(x);
          UUID app = app(x);
          JsonInput body = JsonBodies.object(x).allowOnly("user_id", "traits", "visitor_ids");
          String userId = externalId(body.text("user_id", EXTERNAL_ID), "user_id");
          return Responses.created(profiles.create(caller, app, userId, profileFields(body)));
        });
    http.get(item, x -> profiles.get(caller(x), app(x), profileId(x)));
    http.route(
        Methods.PUT,
        item,
        x -> {
          Principal caller = caller(x);
          UUID app = app(x);
          String userId = profileId(x);
          JsonInput body = JsonBodies.object(x).allowOnly("user_id", "traits", "visitor_ids");
          sameId(body, "user_id", userId);
          Profiles.Written written = profiles.put(caller, app, userId, profileFields(body));
          return Response.of(written.created() ? 201 : 200, written.profile());
        });
    http.route(
        Methods.DELETE,
        item,
        x -> {
          profiles.delete(caller(x), app(x), profileId(x));
          return Responses.noContent();
        });
  }

  private Principal caller(HttpServerExchange exchange) {
    return authenticator.require(exchange);
  }

  private static UUID app(HttpServerExchange exchange) {
    return PathParams.id(exchange, "id", "App");
  }

  private static UUID funnelId(HttpServerExchange exchange) {
    return PathParams.id(exchange, "funnelId", "Funnel");
  }

  private static UUID elementId(HttpServerExchange exchange) {
    return PathParams.id(exchange, "elementId", "Tracked element");
  }

  /** An id of the app's own from the path: one we could never have stored is simply not found. */
  private static String productId(HttpServerExchange exchange) {
    return pathExternalId(exchange, "productId", "Product");
  }

  private static String profileId(HttpServerExchange exchange) {
    return pathExternalId(exchange, "userId", "Profile");
  }

  private static String pathExternalId(HttpServerExchange exchange, String name, String what) {
    String id = PathParams.text(exchange, name);
    if (EXTERNAL_ID.problem(id) != null || id.contains("/") || !id.equals(id.strip())) {
      throw ApiErrors.notFound(what);
    }
    return id;
  }

  /** Ids of the app's own (SKUs, CRM ids) must be usable in a URL path segment. */
  private static String externalId(String id, String field) {
    if (id.contains("/")) {
      throw ApiErrors.invalid(field, "must not contain /");
    }
    return id;
  }

  private static void sameId(JsonInput body, String field, String pathId) {
    String given = body.optionalText(field, EXTERNAL_ID);
    if (given != null && !given.equals(pathId)) {
      throw ApiErrors.invalid(field, "must match the id in the path (or be left out)");
    }
  }

  private static Funnels.Fields funnelFields(HttpServerExchange exchange) throws Exception {
    JsonInput body = JsonBodies.object(exchange).allowOnly("name", "steps", "window_ms");
    String name = body.text("name", Text.NAME);
    return new Funnels.Fields(
        name,
        FunnelSteps.read(body),
        body.longValue("window_ms", FunnelSteps.MIN_WINDOW_MS, FunnelSteps.MAX_WINDOW_MS));
  }

  private static TrackedElements.Fields elementFields(HttpServerExchange exchange)
      throws Exception {
    JsonInput body = JsonBodies.object(exchange).allowOnly("name", "selector", "events");
    String name = body.text("name", Text.NAME);
    String selector = body.text("selector", Text.SELECTOR);
    var given = body.optionalArray("events", TrackedElements.EVENTS.size());
    List<String> events = new ArrayList<>();
    if (given == null) {
      events.add("click");
    } else {
      LinkedHashSet<String> unique = new LinkedHashSet<>();
      for (var event : given) {
        if (!event.isTextual() || !TrackedElements.EVENTS.contains(event.textValue())) {
          throw ApiErrors.invalid("events", "may hold only click and hover");
        }
        unique.add(event.textValue());
      }
      if (unique.isEmpty()) {
        throw ApiErrors.invalid("events", "must name at least one of click, hover");
      }
      events.addAll(unique);
    }
    return new TrackedElements.Fields(name, selector, events);
  }

  private static Products.Fields productFields(JsonInput body) {
    return new Products.Fields(
        body.text("name", Text.LONG_NAME),
        body.optionalText("category", Text.LONG_NAME),
        body.optionalDecimal("price", MAX_PRICE, 4));
  }

  private static Profiles.Fields profileFields(JsonInput body) {
    return new Profiles.Fields(ProfileTraits.traits(body), ProfileTraits.visitorIds(body));
  }
}
