package io.clickstream.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server process that an earlier JVM of ours started and never stopped because it was
 * killed (kill -9 runs no shutdown hook). PostgreSQL and Redis run as child processes that outlive
 * their parent; each writes its PID to a pid file in its data directory, which is how we find it.
 */
final class StaleServerProcess {

  private static final Logger log = LoggerFactory.getLogger(StaleServerProcess.class);
  private static final Duration GRACE_PERIOD = Duration.ofSeconds(15);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private StaleServerProcess() {}

  /**
   * Stops the process named in {@code pidFile} if it is alive and runs an executable whose name
   * starts with {@code executableName} (embedded-redis's binary is {@code
   * redis-server-6.2.6-v5-linux-amd64}): a SIGTERM first (a clean shutdown), a SIGKILL for it and
   * its children when it has not exited after a grace period.
   *
   * @return whether a process was stopped
   */
  static boolean stopIfRunning(Path pidFile, String executableName) {
    OptionalLong pid = readPid(pidFile);
    if (pid.isEmpty() || pid.getAsLong() == ProcessHandle.current().pid()) {
      return false;
    }
    Optional<ProcessHandle> found =
        ProcessHandle.of(pid.getAsLong()).filter(StaleServerProcess::isRunning);
    if (found.isEmpty()) {
      return false;
    }
    ProcessHandle process = found.get();
    String executable = executableOf(process);
    if (!executable.startsWith(executableName)) {
      // The PID was reused by an unrelated process (e.g. after a reboot): not ours to stop.
      log.info(
          "{} names pid {} ({}), not a {}: leaving it alone",
          pidFile,
          process.pid(),
          executable,
          executableName);
      return false;
    }
    log.warn(
        "Stopping stale {} (pid {}) left running by an earlier process on {}",
        executableName,
        process.pid(),
        pidFile.getParent());
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    if (awaitExit(process, GRACE_PERIOD)) {
      return true;
    }
    log.warn(
        "{} (pid {}) did not stop within {}: killing it",
        executableName,
        process.pid(),
        GRACE_PERIOD);
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    if (!awaitExit(process, KILL_WAIT)) {
      throw new IllegalStateException(
          "Cannot stop " + executableName + " (pid " + process.pid() + ") named in " + pidFile);
    }
    return true;
  }

  private static OptionalLong readPid(Path pidFile) {
    try {
      if (!Files.isRegularFile(pidFile)) {
        return OptionalLong.empty();
      }
      // PostgreSQL's postmaster.pid has the PID on its first line, Redis's pid file only that.
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty()
          ? OptionalLong.empty()
          : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pidFile, e);
    }
  }

  // Polls rather than using onExit(): an orphan that init never reaps stays a zombie, "alive".
  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isRunning(process)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      pause();
    }
    return true;
  }

  private static boolean isRunning(ProcessHandle process) {
    return process.isAlive() && !isZombie(process.pid());
  }

  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Format: "pid (comm) state ...": the state follows the last ')'.
      return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String executableOf(ProcessHandle process) {
    Optional<String> command = process.info().command();
    if (command.isPresent()) {
      return Path.of(command.get()).getFileName().toString();
    }
    try {
      // The kernel's short name, readable even when /proc/<pid>/exe is not.
      return Files.readString(Path.of("/proc", Long.toString(process.pid()), "comm")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping a stale server", e);
    }
  }
}
