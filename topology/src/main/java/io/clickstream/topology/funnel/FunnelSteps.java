package io.clickstream.topology.funnel;

import io.clickstream.model.Event;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import io.clickstream.model.config.FunnelDefinition.StepMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A funnel definition's steps, compiled for matching events (DESIGN §4). A step matches an event of
 * its type whose fields equal every field the step's {@code match} sets. {@code path} is compared
 * with the event's path (DESIGN §4's normalised path); in it {@code *} stands for any run of
 * characters, {@code /} included, so {@code /products/*} matches {@code /products/42/reviews}. A
 * pattern's trailing slash is dropped like a path's.
 */
final class FunnelSteps {
  private final List<Step> steps;

  private record Step(String type, Pattern path, String target, String name, String productId) {
    boolean matches(Event event, String eventPath) {
      return type.equals(event.type().wireName())
          && (path == null || (eventPath != null && path.matcher(eventPath).matches()))
          && (target == null || target.equals(event.target()))
          && (name == null || name.equals(event.name()))
          && (productId == null
              || (event.product() != null && productId.equals(event.product().id())));
    }
  }

  FunnelSteps(FunnelDefinition definition) {
    List<Step> compiled = new ArrayList<>();
    for (FunnelStep step :
        definition.steps() == null ? List.<FunnelStep>of() : definition.steps()) {
      StepMatch match = step.match();
      compiled.add(
          new Step(
              step.type() == null ? "" : step.type(),
              match == null ? null : glob(match.path()),
              match == null ? null : match.target(),
              match == null ? null : match.name(),
              match == null ? null : match.productId()));
    }
    this.steps = List.copyOf(compiled);
  }

  int size() {
    return steps.size();
  }

  /** Whether the event matches step {@code index} (1-based). */
  boolean matches(int index, Event event, String path) {
    return index >= 1 && index <= steps.size() && steps.get(index - 1).matches(event, path);
  }

  /** Whether the event matches any step: only then can it change an attempt. */
  boolean matchesAny(Event event, String path) {
    for (Step step : steps) {
      if (step.matches(event, path)) {
        return true;
      }
    }
    return false;
  }

  static Pattern glob(String pattern) {
    if (pattern == null) {
      return null;
    }
    String normalised =
        pattern.length() > 1 && pattern.endsWith("/")
            ? pattern.substring(0, pattern.length() - 1)
            : pattern;
    StringBuilder regex = new StringBuilder();
    int from = 0;
    for (int star = normalised.indexOf('*'); star >= 0; star = normalised.indexOf('*', from)) {
      regex.append(Pattern.quote(normalised.substring(from, star))).append(".*");
      from = star + 1;
    }
    regex.append(Pattern.quote(normalised.substring(from)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
