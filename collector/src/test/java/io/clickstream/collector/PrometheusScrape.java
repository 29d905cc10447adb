package io.clickstream.collector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of a Prometheus text scrape. */
final class PrometheusScrape {
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  private PrometheusScrape() {}

  /** The value of the sample {@code name} whose labels include {@code labels}, if there is one. */
  static OptionalDouble value(String scrape, String name, Map<String, String> labels) {
    for (String line : scrape.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
        continue;
      }
      Map<String, String> present = new LinkedHashMap<>();
      Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
      while (label.find()) {
        present.put(label.group(1), label.group(2));
      }
      if (present.entrySet().containsAll(labels.entrySet())) {
        return OptionalDouble.of(Double.parseDouble(sample.group(3)));
      }
    }
    return OptionalDouble.empty();
  }
}
