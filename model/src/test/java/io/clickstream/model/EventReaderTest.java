package io.clickstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventReaderTest {
  private static final String UUID = "9b2f1c4e-8a3d-4f6b-9c1e-2d3f4a5b6c7d";

  private static Event read(String json) {
    return EventReader.read(Json.readTree(json));
  }

  @Test
  void everyClientFieldIsRead() {
    Event event =
        read(
            """
            { "id": "%s", "type": "pageview", "ts": 1732272000123,
              "url": "https://shop.example/products/42?utm_source=news&utm_campaign=bf",
              "referrer": "https://www.google.com/", "title": "Product 42",
              "target": "#buy", "x": 120, "y": 340, "elapsed_ms": 5300,
              "name": "signup", "props": {"plan": "pro", "seats": 3, "trial": false, "ratio": 0.5},
              "product": {"id": "sku-42", "name": "Lamp", "price": 19.99,
                          "currency": "EUR", "quantity": 2},
              "user_id": "crm-1234" }
            """
                .formatted(UUID));

    Map<String, Object> props = new LinkedHashMap<>();
    props.put("plan", "pro");
    props.put("seats", 3);
    props.put("trial", false);
    props.put("ratio", 0.5);
    assertThat(event)
        .isEqualTo(
            Event.builder()
                .id(UUID)
                .type(EventType.PAGEVIEW)
                .ts(1732272000123L)
                .url("https://shop.example/products/42?utm_source=news&utm_campaign=bf")
                .referrer("https://www.google.com/")
                .title("Product 42")
                .target("#buy")
                .x(120)
                .y(340)
                .elapsedMs(5300L)
                .name("signup")
                .props(props)
                .product(new Product("sku-42", "Lamp", 19.99, "EUR", 2))
                .userId("crm-1234")
                .build());
    assertThat(event.appId()).isNull();
    assertThat(event.receivedAt()).isZero();
    assertThat(event.clockSkew()).isFalse();
  }

  @Test
  void unknownFieldsAreDropped() {
    Event withUnknown =
        read(
            "{\"type\":\"purchase\",\"colour\":\"red\",\"screen\":{\"w\":1},"
                + "\"product\":{\"id\":\"sku-42\",\"price\":5,\"weight_kg\":2}}");

    assertThat(withUnknown)
        .isEqualTo(
            Event.builder()
                .type(EventType.PURCHASE)
                .product(new Product("sku-42", null, 5.0, null, null))
                .build());
  }

  @Test
  void serverStampsSentByTheClientAreIgnored() {
    Event event =
        read(
            """
            { "type": "session_start", "app_id": "someone-else", "visitor_id": "v-1",
              "session_id": "s-1", "received_at": 5, "client_ts": 6, "clock_skew": true,
              "user_agent": "spoof", "ip_hash": "abc" }
            """);

    assertThat(event).isEqualTo(Event.builder().type(EventType.SESSION_START).build());
  }

  @Test
  void missingTsIsMarkedAsNotSent() {
    assertThat(read("{\"type\":\"session_start\"}").ts()).isEqualTo(Event.TS_NOT_SENT);
  }

  @Test
  void nullPropValuesAreDropped() {
    assertThat(read("{\"type\":\"custom\",\"name\":\"n\",\"props\":{\"a\":null,\"b\":1}}").props())
        .containsExactly(Map.entry("b", 1));
  }

  @Test
  void largeIntegerPropsKeepTheirValue() {
    assertThat(
            read("{\"type\":\"custom\",\"name\":\"n\",\"props\":{\"l\":4000000000,\"b\":1e2}}")
                .props())
        .containsExactly(Map.entry("l", 4000000000L), Map.entry("b", 100.0));
    assertThat(
            read("{\"type\":\"custom\",\"name\":\"n\",\"props\":{\"big\":99999999999999999999}}")
                .props())
        .containsExactly(Map.entry("big", new BigInteger("99999999999999999999")));
  }

  @Test
  void emptyReferrerReadsAsNoReferrer() {
    assertThat(read("{\"type\":\"session_start\",\"referrer\":\"\"}").referrer()).isNull();
  }

  @Test
  void reasonIsKeptOnSessionEndOnly() {
    assertThat(read("{\"type\":\"session_end\",\"reason\":\"goodbye\"}").reason())
        .isEqualTo("goodbye");
    assertThat(read("{\"type\":\"session_start\",\"reason\":\"goodbye\"}").reason()).isNull();
  }

  @Test
  void eventWithoutAKnownTypeIsRefused() {
    assertThatThrownBy(() -> read("{\"type\":\"tap\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event has no known type; validate it first");
  }

  @Test
  void propsOfAnEventCannotBeChangedAfterwards() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("plan", "pro");
    Event event = Event.builder().type(EventType.CUSTOM).name("n").props(props).build();

    props.put("plan", "free");

    assertThat(event.props()).containsExactly(Map.entry("plan", "pro"));
    assertThatThrownBy(() -> event.props().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void stampedEventRoundTripsThroughJson() {
    Event client =
        read(
            """
            { "id": "%s", "type": "purchase", "ts": 1732272000123,
              "url": "https://shop.example/checkout", "referrer": "https://www.google.com/",
              "title": "Checkout", "target": "#pay", "x": 1, "y": 2, "elapsed_ms": 3,
              "name": "n", "props": {"s": "v", "i": 7, "l": 4000000000, "d": 1.25, "b": true},
              "product": {"id": "sku-42", "name": "Lamp", "price": 19.99, "currency": "EUR",
                          "quantity": 3},
              "user_id": "crm-1234" }
            """
                .formatted(UUID));
    Event stamped =
        EventStamper.stamp(
            client, "app-1", "visitor-1", "session-1", 1732272000000L, "Mozilla/5.0", "h4sh");

    assertThat(Json.read(Json.toBytes(stamped), Event.class)).isEqualTo(stamped);
  }

  @Test
  void clockSkewedEventRoundTripsThroughJson() {
    Event skewed =
        EventStamper.stamp(
            Event.builder().id(UUID).type(EventType.SESSION_END).ts(0).reason("timeout").build(),
            "app-1",
            "visitor-1",
            null,
            1732272000000L,
            null,
            null);

    assertThat(Json.read(Json.toBytes(skewed), Event.class)).isEqualTo(skewed);
  }

  @Test
  void eventJsonUsesSnakeCaseNamesAndOmitsNulls() {
    Event event =
        Event.builder()
            .id(UUID)
            .type(EventType.HOVER)
            .ts(1732272000123L)
            .target("#buy")
            .elapsedMs(5300L)
            .userId("u")
            .appId("app-1")
            .visitorId("visitor-1")
            .sessionId("session-1")
            .receivedAt(1732272000200L)
            .clientTs(1L)
            .clockSkew(true)
            .userAgent("ua")
            .ipHash("h")
            .build();

    assertThat(Json.toJson(event))
        .isEqualTo(
            "{\"id\":\""
                + UUID
                + "\",\"type\":\"hover\",\"ts\":1732272000123,\"target\":\"#buy\","
                + "\"elapsed_ms\":5300,\"user_id\":\"u\",\"app_id\":\"app-1\","
                + "\"visitor_id\":\"visitor-1\",\"session_id\":\"session-1\","
                + "\"received_at\":1732272000200,\"client_ts\":1,\"clock_skew\":true,"
                + "\"user_agent\":\"ua\",\"ip_hash\":\"h\"}");
  }

  @Test
  void storedEventWithUnknownFieldsIsStillRead() {
    Event event =
        Json.read(
            "{\"type\":\"click\",\"ts\":5,\"target\":\"#a\",\"added_in_v2\":{\"x\":1}}",
            Event.class);

    assertThat(event).isEqualTo(Event.builder().type(EventType.CLICK).ts(5).target("#a").build());
  }
}
