package io.clickstream.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a raw event that {@link EventValidator} accepted into an {@link Event} with the client's
 * fields only. Everything else the client sent, including server-stamp fields such as {@code
 * app_id} or {@code received_at}, is dropped: only the collector stamps those.
 */
public final class EventReader {
  private EventReader() {}

  /**
   * @throws IllegalArgumentException when the event has no known type, i.e. it was not validated
   */
  public static Event read(JsonNode event) {
    EventType type =
        EventType.fromWire(text(event, "type"))
            .orElseThrow(
                () -> new IllegalArgumentException("event has no known type; validate it first"));
    JsonNode ts = event.get("ts");
    return Event.builder()
        .id(text(event, "id"))
        .type(type)
        .ts(ts != null && ts.isIntegralNumber() ? ts.longValue() : Event.TS_NOT_SENT)
        .url(text(event, "url"))
        .referrer(emptyToNull(text(event, "referrer")))
        .title(text(event, "title"))
        .target(text(event, "target"))
        .x(integer(event.get("x")))
        .y(integer(event.get("y")))
        .elapsedMs(longInteger(event.get("elapsed_ms")))
        .name(text(event, "name"))
        .props(props(event.get("props")))
        .product(product(event.get("product")))
        .userId(text(event, "user_id"))
        // A reason only means something on session_end (DESIGN §3).
        .reason(type == EventType.SESSION_END ? text(event, "reason") : null)
        .build();
  }

  private static Product product(JsonNode product) {
    if (product == null || !product.isObject()) {
      return null;
    }
    JsonNode price = product.get("price");
    return new Product(
        text(product, "id"),
        text(product, "name"),
        price != null && price.isNumber() ? price.doubleValue() : null,
        text(product, "currency"),
        integer(product.get("quantity")));
  }

  /** JSON null values are dropped: an absent prop and a null one mean the same thing. */
  private static Map<String, Object> props(JsonNode props) {
    if (props == null || !props.isObject()) {
      return null;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> prop : props.properties()) {
      JsonNode value = prop.getValue();
      if (value.isTextual()) {
        values.put(prop.getKey(), value.textValue());
      } else if (value.isBoolean()) {
        values.put(prop.getKey(), value.booleanValue());
      } else if (value.isNumber()) {
        // Integer, Long, BigInteger or Double: the same types Jackson reads back from Kafka.
        values.put(prop.getKey(), value.numberValue());
      }
    }
    return values;
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static Integer integer(JsonNode value) {
    return value != null && value.isIntegralNumber() && value.canConvertToInt()
        ? value.intValue()
        : null;
  }

  private static Long longInteger(JsonNode value) {
    return value != null && value.isIntegralNumber() && value.canConvertToLong()
        ? value.longValue()
        : null;
  }

  /** An empty referrer and a missing one both mean a direct visit; downstream sees one form. */
  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
