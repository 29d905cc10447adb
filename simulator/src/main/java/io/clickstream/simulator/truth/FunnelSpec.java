package io.clickstream.simulator.truth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.model.Event;
import io.clickstream.model.Json;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import io.clickstream.model.config.FunnelDefinition.StepMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A funnel definition as the metadata API takes it (DESIGN §6): {@code {steps:[{type, match:{path?,
 * target?, name?, product_id?}, label?}], window_ms}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunnelSpec(List<FunnelStep> steps, @JsonProperty("window_ms") long windowMs) {
  public FunnelSpec {
    if (steps == null || steps.size() < 2 || windowMs <= 0) {
      throw new IllegalArgumentException("a funnel has 2 to 8 steps and a positive window_ms");
    }
    steps = List.copyOf(steps);
  }

  public static FunnelSpec read(Path file) throws IOException {
    return Json.MAPPER.readValue(Files.readAllBytes(file), FunnelSpec.class);
  }

  /** Whether the event is one of step {@code index} (0-based): its type and every given field. */
  boolean matches(int index, Event event, String path) {
    FunnelStep step = steps.get(index);
    if (!event.type().wireName().equals(step.type())) {
      return false;
    }
    StepMatch match = step.match();
    if (match == null) {
      return true;
    }
    return (match.path() == null || (path != null && glob(match.path()).matcher(path).matches()))
        && (match.target() == null || match.target().equals(event.target()))
        && (match.name() == null || match.name().equals(event.name()))
        && (match.productId() == null
            || (event.product() != null && match.productId().equals(event.product().id())));
  }

  /** {@code *} stands for any run of characters, {@code /} included; the rest is literal. */
  private static Pattern glob(String pattern) {
    return GLOBS.computeIfAbsent(
        pattern,
        p ->
            Pattern.compile(
                Arrays.stream(p.split("\\*", -1))
                    .map(Pattern::quote)
                    .collect(Collectors.joining(".*"))));
  }

  private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();
}
