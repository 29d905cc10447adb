package io.clickstream.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.query.support.Accounts;
import io.clickstream.query.support.Http;
import io.clickstream.query.support.Mirror;
import io.clickstream.query.support.QueryApi;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Buckets that ended more than 26 hours ago can no longer change (the topology drops older events),
 * so they are read from Redis once; recent buckets are read on every request.
 */
class SettledBucketsTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:30:00Z");

  private static QueryApiService service;
  private static Mirror mirror;
  private static Accounts.User owner;
  private static String app;

  @BeforeAll
  static void start() {
    owner = Accounts.newUser("owner", Accounts.newDomain());
    app = Accounts.newApp(owner, false);
    service = QueryApi.start(NOW);
    mirror = new Mirror();
  }

  @AfterAll
  static void stop() {
    service.close();
    mirror.close();
  }

  @Test
  void settledBucketsAreReadOnceRecentOnesEveryTime() {
    mirror
        .count(app, "2026-11-18T10:00:00Z", RedisKeys::totals, RedisKeys.PAGEVIEWS, 5)
        .visit(app, "2026-11-18T10:00:00Z", RedisKeys::sketches, RedisKeys.VISITORS, "old")
        .count(app, "2026-11-22T10:00:00Z", RedisKeys::totals, RedisKeys.PAGEVIEWS, 1)
        .visit(app, "2026-11-22T10:00:00Z", RedisKeys::sketches, RedisKeys.VISITORS, "new");
    assertThat(overview()).startsWith("{\"visitors\":2,\"sessions\":0,\"pageviews\":6,");

    mirror
        .count(app, "2026-11-18T10:00:00Z", RedisKeys::totals, RedisKeys.PAGEVIEWS, 100)
        .visit(app, "2026-11-18T10:00:00Z", RedisKeys::sketches, RedisKeys.VISITORS, "old-2")
        .count(app, "2026-11-22T10:00:00Z", RedisKeys::totals, RedisKeys.PAGEVIEWS, 1)
        .visit(app, "2026-11-22T10:00:00Z", RedisKeys::sketches, RedisKeys.VISITORS, "new-2");
    assertThat(overview()).startsWith("{\"visitors\":3,\"sessions\":0,\"pageviews\":7,");
  }

  private static String overview() {
    Http.Reply reply = Http.get(service.url() + "/v1/apps/" + app + "/overview", owner.token());
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }
}
