package io.clickstream.simulator.truth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clickstream.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code --truth} file: for one app its {@link AppTruth} ({@code overview}, {@code pages},
 * {@code funnel}, {@code products}, …) at the top level; for several apps {@code {"apps": {appId:
 * …}}}. Either way with {@code complete}: false when some events' fate is unknown (a request that
 * failed for good, an event the topology may have taken for late), so the figures are not exact.
 */
public final class TruthFile {
  private TruthFile() {}

  public static ObjectNode render(Map<String, AppTruth> truths, boolean complete) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("complete", complete);
    if (truths.size() == 1) {
      root.setAll((ObjectNode) Json.MAPPER.valueToTree(truths.values().iterator().next()));
    } else {
      ObjectNode apps = root.putObject("apps");
      truths.forEach((appId, truth) -> apps.set(appId, Json.MAPPER.valueToTree(truth)));
    }
    return root;
  }

  public static void write(Path file, Map<String, AppTruth> truths, boolean complete)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(
        file,
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(render(truths, complete)));
  }
}
