package io.clickstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventSerdeTest {
  private static final String TOPIC = "clickstream.events";

  private final EventSerde serde = new EventSerde();

  private static Event sampleEvent() {
    return Event.builder()
        .id("9b2f1c4e-8a3d-4f6b-9c1e-2d3f4a5b6c7d")
        .type(EventType.ADD_TO_CART)
        .ts(1732272000123L)
        .url("https://shop.example/products/42")
        .props(Map.of("plan", "pro", "seats", 3))
        .product(new Product("sku-42", "Lamp", 19.99, "EUR", 1))
        .appId("app-1")
        .visitorId("visitor-1")
        .sessionId("session-1")
        .receivedAt(1732272000200L)
        .userAgent("Mozilla/5.0")
        .ipHash("h4sh")
        .build();
  }

  @Test
  void eventRoundTripsThroughTheSerde() {
    byte[] bytes = serde.serializer().serialize(TOPIC, sampleEvent());

    assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(sampleEvent());
  }

  @Test
  void nullStaysNullSoTombstonesPassThrough() {
    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"type\":",
        "",
        "[1,2]",
        "{\"type\":\"tap\"}",
        "{\"id\":\"no type\"}",
        "{\"type\":\"click\"} trailing",
        "{\"type\":\"click\",\"ts\":\"soon\"}"
      })
  void garbageIsASerializationException(String garbage) {
    byte[] bytes = garbage.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessage("cannot deserialize Event from topic clickstream.events");
  }

  @Test
  void kafkaCanInstantiateTheSerdeFromItsClassName() throws Exception {
    Object created =
        Class.forName("io.clickstream.model.EventSerde").getConstructor().newInstance();

    assertThat(created).isInstanceOf(Serde.class);
  }

  @Test
  void jsonSerdeWorksForOtherRecords() {
    JsonSerde<Product> products = new JsonSerde<>(Product.class);
    Product lamp = new Product("sku-42", "Lamp", 19.99, "EUR", null);

    byte[] bytes = products.serializer().serialize("clickstream.config.products", lamp);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"sku-42\",\"name\":\"Lamp\",\"price\":19.99,\"currency\":\"EUR\"}");
    assertThat(products.deserializer().deserialize("clickstream.config.products", bytes))
        .isEqualTo(lamp);
  }
}
