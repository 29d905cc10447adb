package io.clickstream.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventStamperTest {
  private static final long RECEIVED_AT = 1_732_272_000_000L;
  private static final long HOURS_24 = 24L * 60 * 60 * 1000;
  private static final long MINUTES_10 = 10L * 60 * 1000;

  private static Event stampWithTs(long ts) {
    return stamp(Event.builder().id("e1").type(EventType.SESSION_START).ts(ts).build());
  }

  private static Event stamp(Event clientEvent) {
    return EventStamper.stamp(
        clientEvent, "app-1", "visitor-1", "session-1", RECEIVED_AT, "Mozilla/5.0", "h4sh");
  }

  @Test
  void tsExactly24HoursBeforeReceiptIsKept() {
    Event event = stampWithTs(RECEIVED_AT - HOURS_24);

    assertThat(event.ts()).isEqualTo(RECEIVED_AT - HOURS_24);
    assertThat(event.clockSkew()).isFalse();
    assertThat(event.clientTs()).isNull();
  }

  @Test
  void tsOneMillisecondEarlierThan24HoursBeforeReceiptIsReplacedAndFlagged() {
    Event event = stampWithTs(RECEIVED_AT - HOURS_24 - 1);

    assertThat(event.ts()).isEqualTo(RECEIVED_AT);
    assertThat(event.clockSkew()).isTrue();
    assertThat(event.clientTs()).isEqualTo(RECEIVED_AT - HOURS_24 - 1);
  }

  @Test
  void tsExactly10MinutesAfterReceiptIsKept() {
    Event event = stampWithTs(RECEIVED_AT + MINUTES_10);

    assertThat(event.ts()).isEqualTo(RECEIVED_AT + MINUTES_10);
    assertThat(event.clockSkew()).isFalse();
    assertThat(event.clientTs()).isNull();
  }

  @Test
  void tsOneMillisecondLaterThan10MinutesAfterReceiptIsReplacedAndFlagged() {
    Event event = stampWithTs(RECEIVED_AT + MINUTES_10 + 1);

    assertThat(event.ts()).isEqualTo(RECEIVED_AT);
    assertThat(event.clockSkew()).isTrue();
    assertThat(event.clientTs()).isEqualTo(RECEIVED_AT + MINUTES_10 + 1);
  }

  @Test
  void tsOfZeroIsClockSkew() {
    Event event = stampWithTs(0);

    assertThat(event.ts()).isEqualTo(RECEIVED_AT);
    assertThat(event.clockSkew()).isTrue();
    assertThat(event.clientTs()).isZero();
  }

  @Test
  void missingTsBecomesReceivedAtWithoutClockSkew() {
    Event event = stampWithTs(Event.TS_NOT_SENT);

    assertThat(event.ts()).isEqualTo(RECEIVED_AT);
    assertThat(event.clockSkew()).isFalse();
    assertThat(event.clientTs()).isNull();
  }

  @Test
  void serverStampsAreApplied() {
    Event event = stampWithTs(RECEIVED_AT - 5);

    assertThat(event)
        .isEqualTo(
            Event.builder()
                .id("e1")
                .type(EventType.SESSION_START)
                .ts(RECEIVED_AT - 5)
                .appId("app-1")
                .visitorId("visitor-1")
                .sessionId("session-1")
                .receivedAt(RECEIVED_AT)
                .userAgent("Mozilla/5.0")
                .ipHash("h4sh")
                .build());
    assertThat(event.kafkaKey()).isEqualTo("app-1:visitor-1");
  }

  @Test
  void clientFieldsAreKept() {
    Event client =
        Event.builder()
            .type(EventType.PURCHASE)
            .ts(RECEIVED_AT)
            .url("https://shop.example/")
            .product(new Product("sku-42", "Lamp", 19.99, "EUR", null))
            .build();

    Event stamped = stamp(client);

    assertThat(stamped.url()).isEqualTo("https://shop.example/");
    assertThat(stamped.product()).isEqualTo(new Product("sku-42", "Lamp", 19.99, "EUR", null));
  }

  @Test
  void missingSessionIdStaysNull() {
    Event event =
        EventStamper.stamp(
            Event.builder().type(EventType.PAGEVIEW).url("https://shop.example/").build(),
            "app-1",
            "visitor-1",
            null,
            RECEIVED_AT,
            null,
            null);

    assertThat(event.sessionId()).isNull();
  }

  @Test
  void missingIdGetsAFreshRandomUuid() {
    Event client = Event.builder().type(EventType.SESSION_START).build();

    String first = stamp(client).id();
    String second = stamp(client).id();

    assertThat(UUID.fromString(first).toString()).isEqualTo(first);
    assertThat(UUID.fromString(first).version()).isEqualTo(4);
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void clientIdIsKept() {
    assertThat(stampWithTs(RECEIVED_AT).id()).isEqualTo("e1");
  }
}
