package io.clickstream.metadata.config;

import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.JsonInput;
import io.clickstream.metadata.http.Text;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import io.clickstream.model.config.FunnelDefinition.StepMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Funnel steps as DESIGN §4 defines them: an event type and what of the event must match. Each type
 * matches on the fields its events have; an empty match takes any event of the type.
 */
final class FunnelSteps {
  static final int MIN_STEPS = 2;
  static final int MAX_STEPS = 8;
  static final long MIN_WINDOW_MS = 60_000L;
  static final long MAX_WINDOW_MS = 90L * 24 * 60 * 60 * 1000;

  /** Step types and the match fields each allows. */
  static final Map<String, Set<String>> MATCH_FIELDS = matchFields();

  private FunnelSteps() {}

  private static Map<String, Set<String>> matchFields() {
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    fields.put("pageview", Set.of("path"));
    fields.put("click", Set.of("target", "path"));
    fields.put("hover", Set.of("target", "path"));
    fields.put("custom", Set.of("name", "path"));
    fields.put("product_view", Set.of("product_id", "path"));
    fields.put("add_to_cart", Set.of("product_id", "path"));
    fields.put("purchase", Set.of("product_id", "path"));
    fields.put("identify", Set.of("path"));
    fields.put("session_start", Set.of("path"));
    return fields;
  }

  static List<FunnelStep> read(JsonInput body) {
    List<FunnelStep> steps = new ArrayList<>();
    for (JsonInput step : body.objects("steps", MIN_STEPS, MAX_STEPS)) {
      steps.add(step(step));
    }
    return steps;
  }

  private static FunnelStep step(JsonInput step) {
    step.allowOnly("type", "match", "label");
    String type = step.text("type", Text.NAME);
    Set<String> allowed = MATCH_FIELDS.get(type);
    if (allowed == null) {
      throw ApiErrors.invalid(
          step.name("type"), "must be one of " + String.join(", ", MATCH_FIELDS.keySet()));
    }
    JsonInput match = step.optionalObject("match");
    StepMatch stepMatch = new StepMatch(null, null, null, null);
    if (match != null) {
      match.allowOnly("path", "target", "name", "product_id");
      for (String field : List.of("path", "target", "name", "product_id")) {
        if (match.node(field) != null && !match.node(field).isNull() && !allowed.contains(field)) {
          throw ApiErrors.invalid(
              match.name(field),
              "cannot be matched for " + type + " steps; allowed: " + String.join(", ", allowed));
        }
      }
      String path = match.optionalText("path", Text.URL);
      if (path != null && (!path.startsWith("/") || path.contains("?") || path.contains("#"))) {
        throw ApiErrors.invalid(
            match.name("path"),
            "must be a URL path starting with / (no query or fragment); * matches any characters");
      }
      stepMatch =
          new StepMatch(
              path,
              match.optionalText("target", Text.SELECTOR),
              match.optionalText("name", Text.NAME),
              match.optionalText("product_id", Text.LONG_NAME));
    }
    String label = step.optionalText("label", Text.NAME);
    return new FunnelStep(type, stepMatch, label == null ? defaultLabel(type, stepMatch) : label);
  }

  /** "pageview /checkout", "purchase sku-42", or the bare type for an empty match. */
  private static String defaultLabel(String type, StepMatch match) {
    for (String value :
        new String[] {match.path(), match.target(), match.name(), match.productId()}) {
      if (value != null) {
        String label = type + " " + value;
        return label.codePointCount(0, label.length()) > 100
            ? label.substring(0, label.offsetByCodePoints(0, 99)) + "…"
            : label;
      }
    }
    return type;
  }
}
