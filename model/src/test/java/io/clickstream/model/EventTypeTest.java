package io.clickstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventTypeTest {

  @Test
  void everyTypeHasTheWireNameOfTheDesign() {
    Map<EventType, String> names =
        Arrays.stream(EventType.values()).collect(Collectors.toMap(t -> t, EventType::wireName));

    assertThat(names)
        .containsOnly(
            Map.entry(EventType.PAGEVIEW, "pageview"),
            Map.entry(EventType.CLICK, "click"),
            Map.entry(EventType.HOVER, "hover"),
            Map.entry(EventType.MOUSE_MOVE, "mouse_move"),
            Map.entry(EventType.CUSTOM, "custom"),
            Map.entry(EventType.PRODUCT_VIEW, "product_view"),
            Map.entry(EventType.ADD_TO_CART, "add_to_cart"),
            Map.entry(EventType.PURCHASE, "purchase"),
            Map.entry(EventType.IDENTIFY, "identify"),
            Map.entry(EventType.SESSION_START, "session_start"),
            Map.entry(EventType.SESSION_END, "session_end"));
  }

  @Test
  void fromWireFindsEveryTypeByItsWireName() {
    for (EventType type : EventType.values()) {
      assertThat(EventType.fromWire(type.wireName())).contains(type);
    }
  }

  @Test
  void fromWireIsEmptyForUnknownNullAndWrongCase() {
    assertThat(EventType.fromWire("tap")).isEmpty();
    assertThat(EventType.fromWire(null)).isEmpty();
    assertThat(EventType.fromWire("PAGEVIEW")).isEmpty();
    assertThat(EventType.fromWire("Pageview")).isEmpty();
  }

  @Test
  void jsonUsesTheWireName() {
    assertThat(Json.toJson(EventType.MOUSE_MOVE)).isEqualTo("\"mouse_move\"");
    assertThat(Json.read("\"add_to_cart\"", EventType.class)).isEqualTo(EventType.ADD_TO_CART);
  }

  @Test
  void unknownTypeInStoredJsonFailsToRead() {
    assertThatThrownBy(() -> Json.read("\"tap\"", EventType.class))
        .isInstanceOf(JsonException.class);
  }
}
