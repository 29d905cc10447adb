package io.clickstream.metadata.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A JSON object from a request, read field by field with 400s that name the field (with its path,
 * e.g. {@code steps[1].match.path}). Absent and {@code null} fields are the same, except where
 * {@link #has} tells them apart for PATCH.
 */
public final class JsonInput {
  private final String path;
  private final JsonNode node;

  JsonInput(String path, JsonNode node) {
    this.path = path;
    this.node = node;
  }

  /** Refuses fields the endpoint does not know: a misspelt field must not be silently ignored. */
  public JsonInput allowOnly(String... fields) {
    Set<String> allowed = Set.of(fields);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw ApiErrors.invalid(
            name(truncate(name)), "is not a known field; expected " + String.join(", ", fields));
      }
    }
    return this;
  }

  /** Whether the field is present at all (even as null). */
  public boolean has(String field) {
    return node.has(field);
  }

  public boolean isEmpty() {
    return node.isEmpty();
  }

  public String text(String field, Text rule) {
    String value = optionalText(field, rule);
    if (value == null) {
      throw ApiErrors.invalid(name(field), "is required");
    }
    return value;
  }

  /** The trimmed text, or null when absent or null. */
  public String optionalText(String field, Text rule) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiErrors.invalid(name(field), "must be a string");
    }
    String text = value.textValue().strip();
    String problem = rule.problem(text);
    if (problem != null) {
      throw ApiErrors.invalid(name(field), problem);
    }
    return text;
  }

  /** The raw string, not trimmed (passwords), or null. */
  public String rawText(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiErrors.invalid(name(field), "must be a string");
    }
    return value.textValue();
  }

  public int integer(String field, int min, int max) {
    Long value = optionalLong(field, min, max);
    if (value == null) {
      throw ApiErrors.invalid(name(field), "is required");
    }
    return value.intValue();
  }

  public long longValue(String field, long min, long max) {
    Long value = optionalLong(field, min, max);
    if (value == null) {
      throw ApiErrors.invalid(name(field), "is required");
    }
    return value;
  }

  public Long optionalLong(String field, long min, long max) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw ApiErrors.invalid(name(field), "must be an integer between " + min + " and " + max);
    }
    long number = value.longValue();
    if (number < min || number > max) {
      throw ApiErrors.invalid(name(field), "must be between " + min + " and " + max);
    }
    return number;
  }

  public Boolean optionalBoolean(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw ApiErrors.invalid(name(field), "must be true or false");
    }
    return value.booleanValue();
  }

  /** A non-negative decimal with at most {@code scale} fraction digits, or null. */
  public BigDecimal optionalDecimal(String field, BigDecimal max, int scale) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw ApiErrors.invalid(name(field), "must be a number");
    }
    BigDecimal number = value.decimalValue();
    if (number.signum() < 0 || number.compareTo(max) > 0) {
      throw ApiErrors.invalid(name(field), "must be between 0 and " + max.toPlainString());
    }
    if (number.stripTrailingZeros().scale() > scale) {
      throw ApiErrors.invalid(name(field), "must have at most " + scale + " decimal places");
    }
    return number;
  }

  public JsonInput object(String field) {
    JsonInput value = optionalObject(field);
    if (value == null) {
      throw ApiErrors.invalid(name(field), "is required");
    }
    return value;
  }

  public JsonInput optionalObject(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw ApiErrors.invalid(name(field), "must be an object");
    }
    return new JsonInput(name(field), value);
  }

  /** The elements of an array field; null when absent. */
  public List<JsonNode> optionalArray(String field, int maxItems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw ApiErrors.invalid(name(field), "must be an array");
    }
    if (value.size() > maxItems) {
      throw ApiErrors.invalid(name(field), "must have at most " + maxItems + " items");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  /** The array's objects, each readable with its index in error messages. */
  public List<JsonInput> objects(String field, int minItems, int maxItems) {
    List<JsonNode> items = optionalArray(field, maxItems);
    if (items == null) {
      throw ApiErrors.invalid(name(field), "is required");
    }
    if (items.size() < minItems) {
      throw ApiErrors.invalid(name(field), "must have at least " + minItems + " items");
    }
    List<JsonInput> objects = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).isObject()) {
        throw ApiErrors.invalid(name(field) + "[" + i + "]", "must be an object");
      }
      objects.add(new JsonInput(name(field) + "[" + i + "]", items.get(i)));
    }
    return objects;
  }

  /** The raw node of a field (null when absent), for shapes read elsewhere. */
  public JsonNode node(String field) {
    return node.get(field);
  }

  /** The field's full name, for messages. */
  public String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String truncate(String name) {
    return name.length() > 64 ? name.substring(0, 64) + "…" : name;
  }
}
