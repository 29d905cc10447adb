package io.clickstream.collector;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.embedded.TestServices;
import io.clickstream.platform.auth.AppTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No log line of the collector carries a client's IP address, an app token or a ticket. */
class LogHygieneTest {
  private static final byte[] KEY =
      "hygiene-test-key-of-32-bytes-ok!".getBytes(StandardCharsets.UTF_8);
  private static final String CLIENT_IP = "203.0.113.77";

  @Test
  void noLogLineCarriesAClientAddressATokenOrATicket() throws Exception {
    String bootstrapServers = TestServices.get().kafkaBootstrapServers();
    ConfigTopics.publishApps(bootstrapServers, "hygiene-app");
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger ours = (Logger) LoggerFactory.getLogger("io.clickstream");
    Level previous = ours.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    ours.setLevel(Level.DEBUG);
    String token = new AppTokens(KEY).issue("hygiene-app", "tok-hygiene", Instant.now());
    String unknownAppToken = new AppTokens(KEY).issue("hygiene-unknown", "tok-u", Instant.now());
    String ticket;
    CollectorSettings settings =
        new CollectorSettings("127.0.0.1", 0, bootstrapServers, KEY, "salt", Map.of())
            .withTrustedProxies(List.of("127.0.0.1"));
    try (CollectorService collector = new CollectorService(settings, Clock.systemUTC()).start()) {
      CollectorClient client = new CollectorClient(collector);
      String forwarded = "X-Forwarded-For";
      JsonNode hello =
          client.hello("{\"token\":\"%s\",\"url\":\"https://a.example/\"}".formatted(token));
      ticket = hello.get("ticket").textValue();
      client.post("/v1/hello", "{\"token\":\"%s\"".formatted(token), forwarded, CLIENT_IP);
      client.post(
          "/v1/events",
          "{\"token\":\"%s\",\"visitor_id\":\"v\",\"events\":[{\"type\":\"nope\"}]}"
              .formatted(token),
          forwarded,
          CLIENT_IP);
      client.post(
          "/v1/events",
          "{\"token\":\"%s\",\"visitor_id\":\"v\",\"events\":[]}".formatted(unknownAppToken),
          forwarded,
          CLIENT_IP);
      client.post(
          "/v1/events",
          "{\"token\":\"%sx\",\"visitor_id\":\"v\",\"events\":[]}".formatted(token),
          forwarded,
          CLIENT_IP);
      try (WsClient socket = WsClient.connect(hello.get("ws_url").textValue())) {
        socket.send("{broken");
        socket.next();
        socket.send("{\"type\":\"pageview\",\"url\":\"https://a.example/\"}");
        socket.next();
        socket.abort();
      }
      try (RawUpgrade replay =
          RawUpgrade.open(
              collector.port(), "/v1/ws?ticket=" + ticket, forwarded + ": " + CLIENT_IP)) {
        assertThat(replay.status()).isEqualTo(401);
      }
      assertThat(settings.toString()).doesNotContain(new String(KEY, StandardCharsets.UTF_8));
    } finally {
      root.detachAppender(captured);
      ours.setLevel(previous);
    }

    assertThat(captured.list).isNotEmpty();
    for (ILoggingEvent event : captured.list) {
      String line =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(line)
          .as("log line from %s", event.getLoggerName())
          .doesNotContain(CLIENT_IP, token, unknownAppToken, ticket, "salt");
    }
  }
}
