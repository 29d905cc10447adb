package io.clickstream.metadata.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.JsonInput;
import io.clickstream.metadata.http.Text;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A profile's traits: a flat object of at most {@value #MAX_TRAITS} scalar values (strings,
 * numbers, booleans, null), the shape analytics tools can filter and group by. Strings are checked
 * like every other text (PostgreSQL's jsonb refuses NUL, for one).
 */
final class ProfileTraits {
  static final int MAX_TRAITS = 50;
  static final int MAX_VISITOR_IDS = 100;
  private static final double MAX_NUMBER = 1e15;
  private static final Text KEY = new Text(100, false);
  private static final Text VALUE = new Text(1000, true);
  static final Text VISITOR_ID = new Text(128, false);

  private ProfileTraits() {}

  static ObjectNode traits(JsonInput body) {
    JsonNode traits = body.node("traits");
    ObjectNode clean = JsonNodeFactory.instance.objectNode();
    if (traits == null || traits.isNull()) {
      return clean;
    }
    if (!traits.isObject()) {
      throw ApiErrors.invalid("traits", "must be an object");
    }
    if (traits.size() > MAX_TRAITS) {
      throw ApiErrors.invalid("traits", "must have at most " + MAX_TRAITS + " keys");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = traits.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String keyProblem = KEY.problem(field.getKey());
      if (keyProblem != null) {
        throw ApiErrors.invalid("traits", "has a key that " + keyProblem);
      }
      JsonNode value = field.getValue();
      String name = "traits." + field.getKey();
      if (value.isTextual()) {
        String problem = value.textValue().isEmpty() ? null : VALUE.problem(value.textValue());
        if (problem != null) {
          throw ApiErrors.invalid(name, problem);
        }
      } else if (value.isNumber()) {
        double number = value.doubleValue();
        if (!Double.isFinite(number) || Math.abs(number) > MAX_NUMBER) {
          throw ApiErrors.invalid(name, "must be a number between -1e15 and 1e15");
        }
      } else if (!value.isBoolean() && !value.isNull()) {
        throw ApiErrors.invalid(name, "must be a string, number, boolean or null");
      }
      clean.set(field.getKey(), value);
    }
    return clean;
  }

  static List<String> visitorIds(JsonInput body) {
    List<JsonNode> ids = body.optionalArray("visitor_ids", MAX_VISITOR_IDS);
    if (ids == null) {
      return List.of();
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonNode id = ids.get(i);
      String problem = id.isTextual() ? VISITOR_ID.problem(id.textValue()) : "must be a string";
      if (problem != null) {
        throw ApiErrors.invalid("visitor_ids[" + i + "]", problem);
      }
      unique.add(id.textValue());
    }
    return new ArrayList<>(unique);
  }
}
