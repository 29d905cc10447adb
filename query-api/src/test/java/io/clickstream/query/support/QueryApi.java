package io.clickstream.query.support;

import io.clickstream.embedded.TestServices;
import io.clickstream.query.QueryApiService;
import io.clickstream.query.QueryApiSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/** A query API on the test JVM's real Redis, PostgreSQL and Kafka. */
public final class QueryApi {
  private QueryApi() {}

  public static QueryApiSettings settings() {
    return QueryApiSettings.of(
        "127.0.0.1",
        0,
        TestServices.get().redisUrl(),
        Accounts.database(),
        TestServices.get().kafkaBootstrapServers(),
        Accounts.JWT_KEY);
  }

  /**
   * A query API whose clock stands still at {@code now} (tokens from the metadata API are issued at
   * the real time, after it, so they stay valid).
   */
  public static QueryApiService start(Instant now, UnaryOperator<QueryApiSettings> customise) {
    QueryApiService service =
        new QueryApiService(customise.apply(settings()), Clock.fixed(now, ZoneOffset.UTC)).start();
    return service;
  }

  public static QueryApiService start(Instant now) {
    return start(now, s -> s);
  }

  public static QueryApiService startWithLongCache(Instant now) {
    return start(now, s -> s.withAccessCacheTtl(Duration.ofMinutes(10)));
  }
}
