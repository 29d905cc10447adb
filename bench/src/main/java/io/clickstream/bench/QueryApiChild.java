package io.clickstream.bench;

import io.clickstream.platform.config.DatabaseUrl;
import io.clickstream.query.QueryApiService;
import io.clickstream.query.QueryApiSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The query API of {@link QueryApiBenchmark}, in its own JVM: {@code QueryApiChild <redis url>
 * <database url> <bootstrap servers>}, the JWT key in {@code CLICKSTREAM_JWT_KEY}. Prints {@code
 * READY <url>} once serving; stops on SIGTERM.
 */
public final class QueryApiChild {
  private QueryApiChild() {}

  public static void main(String[] args) throws Exception {
    byte[] jwtKey = System.getenv("CLICKSTREAM_JWT_KEY").getBytes(StandardCharsets.UTF_8);
    QueryApiService api =
        new QueryApiService(
                QueryApiSettings.of(
                    "127.0.0.1", 0, args[0], DatabaseUrl.parse(args[1]), args[2], jwtKey),
                Clock.systemUTC())
            .start();
    ChildJvm.serveUntilTerminated(api.url(), api::close);
  }
}
