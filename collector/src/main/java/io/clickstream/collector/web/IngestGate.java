package io.clickstream.collector.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.collector.access.AllowedOrigins;
import io.clickstream.collector.access.AppAuthenticator;
import io.clickstream.collector.access.AppRateLimiter;
import io.clickstream.collector.access.AuthorizedApp;
import io.clickstream.collector.ingest.CollectorMetrics;
import io.clickstream.collector.ingest.CollectorMetrics.Channel;
import io.clickstream.collector.ingest.IpAnonymizer;
import io.clickstream.collector.ingest.ServerStamps;
import io.clickstream.collector.ingest.UserAgents;
import io.clickstream.model.Limits;
import io.clickstream.platform.http.ApiException;
import io.clickstream.platform.http.RequestBodies;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The checks every ingestion request passes, in this order: body type and size (415, 413, 400), app
 * token (401, or 503 while the app configuration is still loading), the page's origin (403), and
 * after the request's own checks the app's events/s budget (429).
 */
public final class IngestGate {
  private final AppAuthenticator authenticator;
  private final AppRateLimiter rateLimiter;
  private final ClientAddresses addresses;
  private final IpAnonymizer ipAnonymizer;
  private final Clock clock;
  private final CollectorMetrics metrics;

  public IngestGate(
      AppAuthenticator authenticator,
      AppRateLimiter rateLimiter,
      ClientAddresses addresses,
      IpAnonymizer ipAnonymizer,
      Clock clock,
      CollectorMetrics metrics) {
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
    this.addresses = addresses;
    this.ipAnonymizer = ipAnonymizer;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The body as a JSON object; {@code shape} tells the client what was expected. */
  JsonNode readObject(HttpServerExchange exchange, String shape) throws IOException {
    // text/plain: navigator.sendBeacon cannot set a JSON content type.
    RequestBodies.requireContentType(exchange, "application/json", "text/plain");
    JsonNode body = RequestBodies.readJson(exchange, Limits.MAX_BATCH_BYTES);
    if (!body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object " + shape + ".");
    }
    return body;
  }

  AuthorizedApp authorize(HttpServerExchange exchange, JsonNode body) {
    AuthorizedApp app = authenticator.authenticate(body.get("token"));
    String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
    if (!AllowedOrigins.allows(app.config(), origin)) {
      throw ApiException.forbidden(
          "origin_not_allowed",
          "This app accepts events only from pages of its own site; " + origin + " is not it.");
    }
    return app;
  }

  /** Takes {@code events} from the app's budget, or refuses the request with 429. */
  void admit(AuthorizedApp app, int events) {
    Duration wait = rateLimiter.acquire(app.appId(), events);
    if (!wait.isZero()) {
      metrics.rateLimited(Channel.HTTP);
      int seconds = AppRateLimiter.retryAfterSeconds(wait);
      throw ApiException.tooManyRequests(
          "The app is over its limit of events per second; retry in " + seconds + " s.", seconds);
    }
  }

  ServerStamps stamps(
      HttpServerExchange exchange, String appId, String visitorId, String sessionId) {
    return new ServerStamps(
        appId,
        visitorId,
        sessionId,
        clock.millis(),
        UserAgents.truncate(exchange.getRequestHeaders().getFirst(Headers.USER_AGENT)),
        ipAnonymizer.hash(addresses.clientIp(exchange)));
  }
}
