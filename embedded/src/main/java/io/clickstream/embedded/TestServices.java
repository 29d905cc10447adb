package io.clickstream.embedded;

import io.clickstream.platform.kafka.Topics;
import java.nio.file.Path;

/**
 * The one {@link Infrastructure} shared by every test of a test JVM: started on first use, stopped
 * when the JVM exits. Its data lives under the system property {@value #TEST_DIR_PROPERTY} (default
 * {@code target/test-services}) and is wiped when a JVM first starts it, so every test run begins
 * empty. {@code KAFKA_BOOTSTRAP_SERVERS}, {@code DATABASE_URL} and {@code REDIS_URL} point it at
 * external services instead.
 */
public final class TestServices {

  public static final String TEST_DIR_PROPERTY = "clickstream.test.dir";

  private static Infrastructure services;
  private static RuntimeException startFailure;

  private TestServices() {}

  public static synchronized Infrastructure get() {
    if (startFailure != null) {
      throw new IllegalStateException("The test services did not start", startFailure);
    }
    if (services == null) {
      try {
        services = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return services;
  }

  private static Infrastructure start() {
    Path root =
        Path.of(System.getProperty(TEST_DIR_PROPERTY, "target/test-services")).toAbsolutePath();
    Path dataDir = root.resolve("data");
    Infrastructure.deleteData(dataDir);
    // Binaries are kept between runs: unpacking PostgreSQL takes seconds.
    Infrastructure infrastructure =
        new Infrastructure(
            ExternalServices.fromEnvironment(System.getenv()),
            dataDir,
            root.resolve("binaries"),
            Ports.ephemeral(),
            Topics.all());
    infrastructure.start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(infrastructure::close, "test-services-shutdown"));
    return infrastructure;
  }
}
