package io.clickstream.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One broken rule of an event.
 *
 * @param field JSON path of the offending value, e.g. {@code url}, {@code product.price}, {@code
 *     props.plan}; {@code event} for the event as a whole
 * @param reason short lower-case phrase that completes the sentence begun by the field
 */
public record Violation(String field, String reason) {

  /**
   * One line per event for a rejection reason: {@code "url is required for pageview; x must be an
   * integer"}.
   */
  public static String describe(List<Violation> violations) {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  @Override
  public String toString() {
    return field + " " + reason;
  }
}
