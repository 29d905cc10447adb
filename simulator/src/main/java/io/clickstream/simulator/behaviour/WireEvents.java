package io.clickstream.simulator.behaviour;

import io.clickstream.model.Event;
import io.clickstream.model.Product;
import java.util.LinkedHashMap;
import java.util.Map;

/** A client event in its wire form (DESIGN §2): only the fields it has, no server stamps. */
public final class WireEvents {
  private WireEvents() {}

  public static Map<String, Object> of(Event event) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("id", event.id());
    wire.put("type", event.type().wireName());
    wire.put("ts", event.ts());
    putIfPresent(wire, "url", event.url());
    putIfPresent(wire, "referrer", event.referrer());
    putIfPresent(wire, "title", event.title());
    putIfPresent(wire, "target", event.target());
    putIfPresent(wire, "x", event.x());
    putIfPresent(wire, "y", event.y());
    putIfPresent(wire, "elapsed_ms", event.elapsedMs());
    putIfPresent(wire, "name", event.name());
    putIfPresent(wire, "props", event.props());
    putIfPresent(wire, "user_id", event.userId());
    Product product = event.product();
    if (product != null) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("id", product.id());
      putIfPresent(fields, "name", product.name());
      putIfPresent(fields, "price", product.price());
      putIfPresent(fields, "currency", product.currency());
      putIfPresent(fields, "quantity", product.quantity());
      wire.put("product", fields);
    }
    return wire;
  }

  private static void putIfPresent(Map<String, Object> wire, String field, Object value) {
    if (value != null) {
      wire.put(field, value);
    }
  }
}
