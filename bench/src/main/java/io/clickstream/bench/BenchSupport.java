package io.clickstream.bench;

import io.clickstream.embedded.ExternalServices;
import io.clickstream.embedded.Infrastructure;
import io.clickstream.embedded.Ports;
import io.clickstream.platform.kafka.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/** What the benchmark programs share: fresh services, Kafka's tools, sizes on disk. */
final class BenchSupport {
  private BenchSupport() {}

  /** Fresh embedded Kafka, PostgreSQL and Redis under target/bench/NAME (or the env's ones). */
  static Infrastructure freshServices(String name) {
    Path dir = Path.of("target", "bench", name).toAbsolutePath();
    Infrastructure.deleteData(dir.resolve("data"));
    return new Infrastructure(
            ExternalServices.fromEnvironment(System.getenv()),
            dir.resolve("data"),
            Path.of("target", "bench", "binaries").toAbsolutePath(),
            Ports.ephemeral(),
            Topics.all())
        .start();
  }

  /**
   * Runs one of Kafka's command-line tools in-process and returns what it printed; the tools print
   * their figures on standard output.
   */
  static List<String> runTool(ToolMain tool, String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      tool.main(args);
    } finally {
      System.setOut(original);
    }
    return Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\n"));
  }

  /** A tool's {@code main}. */
  @FunctionalInterface
  interface ToolMain {
    void main(String[] args) throws Exception;
  }

  /** The partitions of {@code clickstream.events}. */
  static int eventPartitions(Admin admin) throws Exception {
    return admin
        .describeTopics(List.of(Topics.EVENTS))
        .allTopicNames()
        .get()
        .get(Topics.EVENTS)
        .partitions()
        .size();
  }

  static long sizeOnDisk(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              file -> {
                try {
                  return Files.size(file);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }

  static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / 1024.0 / 1024.0);
  }
}
