package io.clickstream.collector.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Set;

/**
 * CORS for the ingestion endpoints. Which origins an app accepts is known only after its token has
 * been read from the request body, and a preflight has no body; so the preflight allows every
 * origin, every response names the requesting origin, and the endpoint itself refuses (403) a
 * request from an origin its app does not accept, before storing anything. That is where the check
 * must be anyway: {@code text/plain} beacons are "simple" requests that get no preflight, and a
 * browser that hides a response has still delivered the request.
 */
public final class CorsHandler implements HttpHandler {
  private static final HttpString ORIGIN = new HttpString("Origin");
  private static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");
  private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
  private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
  private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
  private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
  private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
  private static final HttpString VARY = new HttpString("Vary");

  private final HttpHandler next;
  private final Set<String> paths;

  public CorsHandler(HttpHandler next, Set<String> paths) {
    this.next = next;
    this.paths = Set.copyOf(paths);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String origin = exchange.getRequestHeaders().getFirst(ORIGIN);
    if (origin == null || !paths.contains(exchange.getRelativePath())) {
      next.handleRequest(exchange);
      return;
    }
    var headers = exchange.getResponseHeaders();
    headers.put(ALLOW_ORIGIN, origin);
    headers.add(VARY, "Origin");
    if (exchange.getRequestMethod().equals(Methods.OPTIONS)
        && exchange.getRequestHeaders().contains(REQUEST_METHOD)) {
      headers.put(ALLOW_METHODS, "POST");
      headers.put(ALLOW_HEADERS, "Content-Type");
      headers.put(MAX_AGE, "86400");
      exchange.setStatusCode(204);
      exchange.endExchange();
      return;
    }
    // Lets the tracker read when to retry after a 429 or 503.
    headers.put(EXPOSE_HEADERS, "Retry-After");
    next.handleRequest(exchange);
  }
}
