package io.clickstream.bench;

import io.clickstream.collector.CollectorService;
import io.clickstream.collector.CollectorSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The collector of {@link CollectorBenchmark}'s WebSocket phase, in its own JVM ({@code -Xmx512m}):
 * {@code CollectorChild <bootstrap servers> <port>}, the token key in {@code
 * CLICKSTREAM_TOKEN_KEY}. Prints {@code READY <url>} once serving; stops (draining its sockets) on
 * SIGTERM.
 */
public final class CollectorChild {
  private CollectorChild() {}

  public static void main(String[] args) throws Exception {
    byte[] key = System.getenv("CLICKSTREAM_TOKEN_KEY").getBytes(StandardCharsets.UTF_8);
    CollectorService collector =
        new CollectorService(
                new CollectorSettings(
                    "127.0.0.1", Integer.parseInt(args[1]), args[0], key, "bench-salt", Map.of()),
                Clock.systemUTC())
            .start();
    ChildJvm.serveUntilTerminated(collector.url(), collector::close);
  }
}
