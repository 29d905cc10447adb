package io.clickstream.platform.http;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatch;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Undertow server of a Clickstream process: its routes plus {@code /healthz}, {@code /readyz}
 * and {@code /metrics}, JSON errors for unknown paths and methods, a request timer per route, and a
 * graceful shutdown that lets in-flight requests finish.
 */
public final class HttpService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpService.class);

  private final String name;
  private final Undertow undertow;
  private final GracefulShutdownHandler shutdown;
  private final Duration drainTimeout;
  private volatile boolean closing;

  private HttpService(Builder builder) {
    this.name = builder.name;
    this.drainTimeout = builder.drainTimeout;
    RoutingHandler routes = builder.routes;
    routes.get("/healthz", new EndpointHandler(exchange -> Map.of("status", "ok")));
    routes.get("/readyz", new EndpointHandler(exchange -> readiness(builder.readinessChecks)));
    routes.get("/metrics", exchange -> scrape(exchange, builder.registry));
    routes.setFallbackHandler(
        new EndpointHandler(
            exchange -> {
              throw ApiException.notFound("No such path: " + exchange.getRequestPath());
            }));
    routes.setInvalidMethodHandler(
        new EndpointHandler(
            exchange -> {
              throw new ApiException(
                  405,
                  "method_not_allowed",
                  exchange.getRequestMethod() + " is not allowed on " + exchange.getRequestPath());
            }));
    this.shutdown = new GracefulShutdownHandler(timed(routes, builder.registry));
    this.undertow =
        Undertow.builder()
            .addHttpListener(builder.port, builder.host)
            .setIoThreads(builder.ioThreads)
            .setWorkerThreads(builder.workerThreads)
            .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 64 * 1024)
            .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
            .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
            .setHandler(builder.outerHandler.apply(refuseWhileClosing(shutdown)))
            .build();
  }

  public static Builder builder(String name, PrometheusMeterRegistry registry) {
    return new Builder(name, registry);
  }

  public HttpService start() {
    undertow.start();
    log.info("{} listening on {}", name, url());
    return this;
  }

  /** The bound port (useful when the service was asked for port 0). */
  public int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  public String url() {
    InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
    return "http://" + host + ":" + address.getPort();
  }

  /** Refuses new requests, waits for in-flight ones (bounded), then stops. */
  @Override
  public void close() {
    closing = true;
    shutdown.shutdown();
    try {
      if (!shutdown.awaitShutdown(drainTimeout.toMillis())) {
        log.warn("{}: requests still running after {}, stopping anyway", name, drainTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    undertow.stop();
    log.info("{} stopped", name);
  }

  /** New requests during the drain get a JSON 503 the client can retry elsewhere. */
  private HttpHandler refuseWhileClosing(HttpHandler next) {
    HttpHandler refusal =
        new EndpointHandler(
            exchange -> {
              throw ApiException.unavailable("The server is shutting down; retry.", 1);
            });
    return exchange -> (closing ? refusal : next).handleRequest(exchange);
  }

  private static Response readiness(Map<String, BooleanSupplier> checks) {
    Map<String, Boolean> results = new LinkedHashMap<>();
    boolean ready = true;
    for (Map.Entry<String, BooleanSupplier> check : checks.entrySet()) {
      boolean ok;
      try {
        ok = check.getValue().getAsBoolean();
      } catch (RuntimeException e) {
        ok = false;
      }
      results.put(check.getKey(), ok);
      ready &= ok;
    }
    return Response.of(ready ? 200 : 503, new Readiness(ready ? "ready" : "not_ready", results));
  }

  private static void scrape(HttpServerExchange exchange, PrometheusMeterRegistry registry) {
    exchange
        .getResponseHeaders()
        .put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
    exchange.getResponseSender().send(registry.scrape());
  }

  /**
   * Bucket bounds of the request timer: the share of requests within a latency goal (the query
   * API's is 5 ms at p99) can be read off {@code /metrics} directly.
   */
  private static final Duration[] LATENCY_BUCKETS =
      Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000)
          .map(Duration::ofMillis)
          .toArray(Duration[]::new);

  /** Times every request by method, route template and status. */
  private static HttpHandler timed(HttpHandler next, PrometheusMeterRegistry registry) {
    return exchange -> {
      long start = System.nanoTime();
      exchange.addExchangeCompleteListener(
          (done, nextListener) -> {
            PathTemplateMatch match = done.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
            Timer.builder("http.server.requests")
                .tag("method", done.getRequestMethod().toString())
                .tag("route", match == null ? "unmatched" : match.getMatchedTemplate())
                .tag("status", String.valueOf(done.getStatusCode()))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - start));
            nextListener.proceed();
          });
      next.handleRequest(exchange);
    };
  }

  /** The body of {@code /readyz}: overall status, then each named check. */
  public record Readiness(String status, Map<String, Boolean> checks) {}

  /** Routes and settings of one service. */
  public static final class Builder {
    private final String name;
    private final PrometheusMeterRegistry registry;
    private final RoutingHandler routes = new RoutingHandler();
    private final Map<String, BooleanSupplier> readinessChecks = new LinkedHashMap<>();
    private String host = "0.0.0.0";
    private int port = 8080;
    private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private int workerThreads = 64;
    private Duration drainTimeout = Duration.ofSeconds(10);
    private java.util.function.Function<HttpHandler, HttpHandler> outerHandler = h -> h;

    private Builder(String name, PrometheusMeterRegistry registry) {
      this.name = name;
      this.registry = registry;
    }

    public Builder listen(String host, int port) {
      this.host = host;
      this.port = port;
      return this;
    }

    public Builder workerThreads(int workerThreads) {
      this.workerThreads = workerThreads;
      return this;
    }

    public Builder drainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
      return this;
    }

    public Builder get(String template, JsonEndpoint endpoint) {
      return route(Methods.GET, template, endpoint);
    }

    public Builder post(String template, JsonEndpoint endpoint) {
      return route(Methods.POST, template, endpoint);
    }

    public Builder route(HttpString method, String template, JsonEndpoint endpoint) {
      routes.add(method, template, new EndpointHandler(endpoint));
      return this;
    }

    /** A route served by a raw Undertow handler (WebSocket upgrades, static files, SSE). */
    public Builder raw(HttpString method, String template, HttpHandler handler) {
      routes.add(method, template, handler);
      return this;
    }

    /** A check that must pass for {@code /readyz} to answer 200. */
    public Builder readiness(String name, BooleanSupplier check) {
      readinessChecks.put(name, check);
      return this;
    }

    /** Wraps everything, e.g. with CORS handling that must also see preflight requests. */
    public Builder wrap(java.util.function.Function<HttpHandler, HttpHandler> outer) {
      this.outerHandler = outer;
      return this;
    }

    public HttpService build() {
      return new HttpService(this);
    }
  }
}
