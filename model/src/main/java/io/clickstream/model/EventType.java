package io.clickstream.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of event a tracker may send (DESIGN §2), each with its lower-case wire name. */
public enum EventType {
  PAGEVIEW("pageview"),
  CLICK("click"),
  HOVER("hover"),
  MOUSE_MOVE("mouse_move"),
  CUSTOM("custom"),
  PRODUCT_VIEW("product_view"),
  ADD_TO_CART("add_to_cart"),
  PURCHASE("purchase"),
  IDENTIFY("identify"),
  SESSION_START("session_start"),
  SESSION_END("session_end");

  private static final Map<String, EventType> BY_WIRE_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(t -> t.wireName, Function.identity()));

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Exact, case-sensitive match: the wire format has one spelling per type. */
  public static Optional<EventType> fromWire(String wireName) {
    return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
  }

  /** For Jackson: an unknown type in a stored event is corrupt data, so it fails loudly. */
  @JsonCreator
  public static EventType ofWire(String wireName) {
    return fromWire(wireName)
        .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + wireName));
  }

  /** All wire names in declaration order, e.g. for error messages. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(EventType::wireName).toList();
  }
}
