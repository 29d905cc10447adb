package io.clickstream.model;

import static io.clickstream.model.EventType.ADD_TO_CART;
import static io.clickstream.model.EventType.CLICK;
import static io.clickstream.model.EventType.CUSTOM;
import static io.clickstream.model.EventType.HOVER;
import static io.clickstream.model.EventType.IDENTIFY;
import static io.clickstream.model.EventType.MOUSE_MOVE;
import static io.clickstream.model.EventType.PAGEVIEW;
import static io.clickstream.model.EventType.PRODUCT_VIEW;
import static io.clickstream.model.EventType.PURCHASE;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one raw event against the wire format of DESIGN §2 and reports every broken rule, so a
 * client developer can fix them all at once. It works on the JSON tree rather than on {@link Event}
 * so that a value of the wrong JSON type is a violation of its field, not a parse failure of the
 * batch. Unknown fields, including server stamps a client sends, are not checked: they are dropped.
 * A JSON null counts as an absent field.
 */
public final class EventValidator {
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final String TYPE_LIST = String.join(", ", EventType.wireNames());

  /** Paths each type needs; a dot steps into a nested object. */
  private static final Map<EventType, List<String>> REQUIRED =
      new EnumMap<>(
          Map.of(
              PAGEVIEW, List.of("url"),
              CLICK, List.of("target"),
              HOVER, List.of("target", "elapsed_ms"),
              MOUSE_MOVE, List.of("x", "y"),
              CUSTOM, List.of("name"),
              PRODUCT_VIEW, List.of("product.id"),
              ADD_TO_CART, List.of("product.id"),
              PURCHASE, List.of("product.id", "product.price"),
              IDENTIFY, List.of("user_id")));

  /** Identifiers that say what happened; a blank one would make a useless metric key. */
  private static final Set<String> NON_BLANK_WHEN_REQUIRED = Set.of("target", "name", "user_id");

  private final JsonNode event;
  private final List<Violation> violations = new ArrayList<>();

  private EventValidator(JsonNode event) {
    this.event = event;
  }

  /** Returns every violation of the event, in a stable order; empty when the event is valid. */
  public static List<Violation> validate(JsonNode event) {
    if (event == null || !event.isObject()) {
      return List.of(new Violation("event", "must be a json object"));
    }
    return new EventValidator(event).check();
  }

  private List<Violation> check() {
    checkSize();
    checkId();
    checkType().ifPresent(this::checkRequiredFields);
    checkInteger("ts", event.get("ts"), 0, Long.MAX_VALUE);
    checkHttpUrl("url");
    checkReferrer();
    checkString("title", event.get("title"));
    checkString("target", event.get("target"));
    checkInteger("x", event.get("x"), Integer.MIN_VALUE, Integer.MAX_VALUE);
    checkInteger("y", event.get("y"), Integer.MIN_VALUE, Integer.MAX_VALUE);
    checkInteger("elapsed_ms", event.get("elapsed_ms"), 0, Long.MAX_VALUE);
    checkString("name", event.get("name"));
    checkProps();
    checkProduct();
    checkString("user_id", event.get("user_id"));
    checkString("reason", event.get("reason"));
    return List.copyOf(violations);
  }

  private void checkSize() {
    int bytes = Json.toBytes(event).length;
    if (bytes > Limits.MAX_EVENT_BYTES) {
      violate(
          "event",
          "must be at most " + Limits.MAX_EVENT_BYTES + " bytes of json (is " + bytes + ")");
    }
  }

  private void checkId() {
    String id = checkString("id", event.get("id"));
    if (id != null && !UUID.matcher(id).matches()) {
      violate("id", "must be a uuid (8-4-4-4-12 hex digits)");
    }
  }

  private Optional<EventType> checkType() {
    JsonNode type = event.get("type");
    if (isAbsent(type)) {
      violate("type", "is required");
      return Optional.empty();
    }
    if (!type.isTextual()) {
      violate("type", "must be a string");
      return Optional.empty();
    }
    Optional<EventType> known = EventType.fromWire(type.textValue());
    if (known.isEmpty()) {
      violate("type", "must be one of " + TYPE_LIST);
    }
    return known;
  }

  private void checkRequiredFields(EventType type) {
    for (String path : REQUIRED.getOrDefault(type, List.of())) {
      JsonNode value = at(path);
      if (value == null) {
        violate(path, "is required for " + type.wireName());
      } else if (NON_BLANK_WHEN_REQUIRED.contains(path)
          && value.isTextual()
          && value.textValue().isBlank()) {
        violate(path, "must not be blank");
      }
    }
  }

  /**
   * The value at a dotted path, or null when it is absent. A present parent that is not an object
   * yields a missing node instead of null: its shape is reported once, by the parent's own check.
   */
  private JsonNode at(String path) {
    JsonNode node = event;
    for (String step : path.split("\\.")) {
      if (!node.isObject()) {
        return node.path(step);
      }
      node = node.get(step);
      if (isAbsent(node)) {
        return null;
      }
    }
    return node;
  }

  private void checkHttpUrl(String field) {
    String url = checkString(field, event.get(field));
    if (url != null && !Urls.isHttpUrl(url)) {
      violate(field, "must be an absolute http(s) url");
    }
  }

  private void checkReferrer() {
    String referrer = checkString("referrer", event.get("referrer"));
    if (referrer != null && !referrer.isEmpty() && !Urls.isAbsoluteUrl(referrer)) {
      violate("referrer", "must be empty or an absolute url");
    }
  }

  private void checkProps() {
    JsonNode props = event.get("props");
    if (isAbsent(props)) {
      return;
    }
    if (!props.isObject()) {
      violate("props", "must be an object");
      return;
    }
    if (props.size() > Limits.MAX_PROPS) {
      violate(
          "props", "must have at most " + Limits.MAX_PROPS + " keys (has " + props.size() + ")");
    }
    for (Map.Entry<String, JsonNode> prop : props.properties()) {
      String key = prop.getKey();
      String path = "props." + abbreviate(key);
      if (characters(key) > Limits.MAX_PROP_KEY_CHARS) {
        violate(path, "key must be at most " + Limits.MAX_PROP_KEY_CHARS + " characters");
      }
      JsonNode value = prop.getValue();
      if (value.isContainerNode()) {
        violate(path, "must be a string, number, boolean or null");
      } else if (value.isTextual()) {
        checkString(path, value);
      }
    }
  }

  private void checkProduct() {
    JsonNode product = event.get("product");
    if (isAbsent(product)) {
      return;
    }
    if (!product.isObject()) {
      violate("product", "must be an object");
      return;
    }
    String id = checkString("product.id", product.get("id"));
    if (id != null && id.isEmpty()) {
      violate("product.id", "must not be empty");
    }
    checkString("product.name", product.get("name"));
    checkPrice(product.get("price"));
    String currency = checkString("product.currency", product.get("currency"));
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      violate("product.currency", "must be a 3-letter upper-case currency code");
    }
    checkInteger("product.quantity", product.get("quantity"), 1, Integer.MAX_VALUE);
  }

  private void checkPrice(JsonNode price) {
    if (isAbsent(price)) {
      return;
    }
    if (!price.isNumber()) {
      violate("product.price", "must be a number");
    } else if (!Double.isFinite(price.doubleValue())) {
      violate("product.price", "must be a finite number");
    } else if (price.doubleValue() < 0) {
      violate("product.price", "must not be negative");
    }
  }

  /** Returns the string when it is present and acceptable, null otherwise. */
  private String checkString(String path, JsonNode value) {
    if (isAbsent(value)) {
      return null;
    }
    if (!value.isTextual()) {
      violate(path, "must be a string");
      return null;
    }
    String text = value.textValue();
    if (characters(text) > Limits.MAX_STRING_CHARS) {
      violate(path, "must be at most " + Limits.MAX_STRING_CHARS + " characters");
      return null;
    }
    return text;
  }

  private void checkInteger(String path, JsonNode value, long min, long max) {
    if (isAbsent(value)) {
      return;
    }
    if (!value.isIntegralNumber()) {
      violate(path, "must be an integer");
      return;
    }
    BigInteger number = value.bigIntegerValue();
    if (number.compareTo(BigInteger.valueOf(min)) < 0) {
      violate(path, min == 0 ? "must not be negative" : "must be at least " + min);
    } else if (number.compareTo(BigInteger.valueOf(max)) > 0) {
      violate(path, "must be at most " + max);
    }
  }

  private void violate(String field, String reason) {
    violations.add(new Violation(field, reason));
  }

  private static boolean isAbsent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  /** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
  private static int characters(String text) {
    return text.codePointCount(0, text.length());
  }

  /** Keeps a hostile key from turning every message about it into a wall of text. */
  private static String abbreviate(String key) {
    int limit = Limits.MAX_PROP_KEY_CHARS;
    return characters(key) <= limit
        ? key
        : key.substring(0, key.offsetByCodePoints(0, limit)) + "…";
  }
}
