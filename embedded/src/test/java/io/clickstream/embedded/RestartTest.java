package io.clickstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class RestartTest {

  @Test
  void dataSurvivesARestartOnTheSameDirectory() throws Exception {
    Path dataDir = SampleData.testDir().resolve("restart");
    Infrastructure.deleteData(dataDir);
    Ports ports = SampleData.freePorts();

    try (Infrastructure first = SampleData.startServices(dataDir, ports)) {
      SampleData.write(first);
    }
    try (Infrastructure second = SampleData.startServices(dataDir, ports)) {
      SampleData.assertPresent(second);
    }
  }

  @Test
  void aRedisLeftRunningOnTheSameDirectoryIsStoppedBeforeANewOneStarts() throws Exception {
    Path dataDir = SampleData.testDir().resolve("stale-redis");
    Path binaries = SampleData.testDir().resolve("binaries").resolve("redis");
    Infrastructure.deleteData(dataDir);
    int port = FreePort.pick();

    // Started and never closed, as by a JVM that was killed.
    EmbeddedRedis orphan = new EmbeddedRedis(dataDir, binaries, port);
    orphan.start();
    long orphanPid = Long.parseLong(Files.readString(dataDir.resolve("redis.pid")).trim());
    try (JedisPooled redis = new JedisPooled(URI.create(orphan.url()))) {
      redis.set("stale:key", "written before the restart");
    }

    try (EmbeddedRedis next = new EmbeddedRedis(dataDir, binaries, port)) {
      next.start();

      assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(Long.parseLong(Files.readString(dataDir.resolve("redis.pid")).trim()))
          .isNotEqualTo(orphanPid);
      try (JedisPooled redis = new JedisPooled(URI.create(next.url()))) {
        assertThat(redis.get("stale:key")).isEqualTo("written before the restart");
      }
    }
  }
}
