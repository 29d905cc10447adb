package io.clickstream.collector;

import io.clickstream.collector.access.AppAuthenticator;
import io.clickstream.collector.access.AppDirectory;
import io.clickstream.collector.access.AppRateLimiter;
import io.clickstream.collector.ingest.BatchIntake;
import io.clickstream.collector.ingest.CollectorMetrics;
import io.clickstream.collector.ingest.EventPublisher;
import io.clickstream.collector.ingest.IpAnonymizer;
import io.clickstream.collector.web.ClientAddresses;
import io.clickstream.collector.web.CorsHandler;
import io.clickstream.collector.web.EventsEndpoint;
import io.clickstream.collector.web.HelloEndpoint;
import io.clickstream.collector.web.IngestGate;
import io.clickstream.collector.web.WebSocketEndpoint;
import io.clickstream.collector.web.WebSocketUrls;
import io.clickstream.collector.websocket.SessionServices;
import io.clickstream.collector.websocket.SessionTickets;
import io.clickstream.collector.websocket.SocketSessions;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.http.HttpService;
import io.clickstream.platform.metrics.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.util.Methods;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion front door (DESIGN §3): HTTP batches and WebSocket sessions in, Kafka out, with app
 * tokens checked against the config topics, per-app limits, and anonymised client addresses.
 */
public final class CollectorService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CollectorService.class);

  private final CollectorSettings settings;
  private final EventPublisher publisher;
  private final KafkaReadiness kafkaReadiness;
  private final AppDirectory directory;
  private final SocketSessions sessions;
  private final HttpService http;

  /**
   * @param clock the collector's time: received_at, the clock-skew rule, ticket expiry, the daily
   *     IP hash and the idle timeout of sessions
   */
  public CollectorService(CollectorSettings settings, Clock clock) {
    this.settings = settings;
    // First: a bad CIDR must fail before anything holding threads or sockets exists.
    ClientAddresses addresses = new ClientAddresses(settings.trustedProxies());
    PrometheusMeterRegistry registry = Metrics.newRegistry("collector");
    CollectorMetrics metrics = new CollectorMetrics(registry);
    this.publisher =
        new EventPublisher(settings.bootstrapServers(), settings.producerOverrides(), metrics);
    this.kafkaReadiness = new KafkaReadiness(settings.bootstrapServers());
    this.directory = new AppDirectory(settings.bootstrapServers());
    AppAuthenticator authenticator =
        new AppAuthenticator(new AppTokens(settings.tokenKey(), clock), directory);
    AppRateLimiter rateLimiter = new AppRateLimiter(directory, System::nanoTime);
    IpAnonymizer ipAnonymizer = new IpAnonymizer(settings.ipSalt(), clock);
    BatchIntake intake = new BatchIntake(publisher, metrics);
    SessionTickets tickets = new SessionTickets(settings.tokenKey(), clock);
    IngestGate gate =
        new IngestGate(authenticator, rateLimiter, addresses, ipAnonymizer, clock, metrics);
    this.sessions =
        new SocketSessions(
            new SessionServices(
                intake,
                publisher,
                authenticator,
                directory,
                rateLimiter,
                ipAnonymizer,
                tickets,
                clock,
                metrics),
            settings.pingInterval());
    directory
        .onAppDeleted(
            appId -> {
              sessions.appDeleted(appId);
              rateLimiter.forget(appId);
            })
        .onTokenRevoked((appId, tokenId) -> sessions.tokenRevoked(tokenId));
    metrics.gauge("collector.config.apps", "Apps known from the config topic", directory::appCount);
    metrics.gauge(
        "collector.config.revoked.tokens",
        "Revoked app tokens known from the config topic",
        directory::revokedTokenCount);

    this.http =
        HttpService.builder("collector", registry)
            .listen(settings.host(), settings.port())
            .drainTimeout(settings.drainTimeout())
            .post("/v1/events", new EventsEndpoint(gate, intake))
            .post(
                "/v1/hello",
                new HelloEndpoint(
                    gate, publisher, tickets, new WebSocketUrls(addresses, settings.publicUrl())))
            .raw(
                Methods.GET,
                "/v1/ws",
                new WebSocketEndpoint(tickets, authenticator, directory, sessions, addresses))
            .readiness("kafka", kafkaReadiness)
            .readiness("config", directory::isLoaded)
            .wrap(next -> new CorsHandler(next, Set.of("/v1/events", "/v1/hello")))
            .build();
  }

  /**
   * Reads the config topics (waiting for them at most the configured time), then starts serving.
   */
  public CollectorService start() {
    directory.start();
    try {
      if (!directory.awaitLoaded(settings.configLoadTimeout())) {
        log.warn(
            "The config topics were not read within {}; answering 503 until they are",
            settings.configLoadTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sessions.start();
    http.start();
    return this;
  }

  public String url() {
    return http.url();
  }

  public int port() {
    return http.port();
  }

  /**
   * Closes the WebSockets first (1001, after answering what they sent; each session ends with a
   * session_end), then stops taking requests and lets in-flight ones finish, then flushes the
   * producer: every event acknowledged to a client is in Kafka before the process goes.
   */
  @Override
  public void close() {
    sessions.closeAll(settings.drainTimeout());
    http.close();
    sessions.close();
    publisher.close();
    directory.close();
    kafkaReadiness.close();
  }
}
