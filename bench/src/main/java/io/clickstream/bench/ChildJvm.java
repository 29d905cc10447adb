package io.clickstream.bench;

import java.io.File;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service under benchmark in a JVM of its own, as it runs in production: its heap, collector and
 * threads apart from the load generator and the embedded broker. The child's main prints {@code
 * READY <url>} once serving and stops cleanly on SIGTERM.
 */
final class ChildJvm implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("READY (\\S+)");

  private final Process process;
  private final String url;

  private ChildJvm(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Starts {@code main} with the harness's class path and waits until it is ready. */
  static ChildJvm start(
      Class<?> main, List<String> jvmOptions, List<String> args, Map<String, String> env, Path log)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath(), main.getName()));
    command.addAll(args);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(main.getSimpleName() + " exited: " + Files.readString(log));
      }
      Matcher ready = READY.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (ready.find()) {
        return new ChildJvm(process, ready.group(1));
      }
      Thread.sleep(200);
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        main.getSimpleName() + " did not start: " + Files.readString(log));
  }

  /** In the child: announces {@code url} and serves until SIGTERM, then runs {@code close}. */
  static void serveUntilTerminated(String url, Runnable close) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close.run();
                  stopped.countDown();
                }));
    System.out.println("READY " + url);
    System.out.flush();
    stopped.await();
  }

  String url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM, so the service drains and flushes as it would in production; then its exit code. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  int exitValue() {
    return process.exitValue();
  }

  private static String classpath() {
    if (ChildJvm.class.getClassLoader() instanceof URLClassLoader loader
        && loader.getURLs().length > 1) {
      return Arrays.stream(loader.getURLs())
          .map(url -> Path.of(URI.create(url.toString())).toString())
          .collect(Collectors.joining(File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }
}
