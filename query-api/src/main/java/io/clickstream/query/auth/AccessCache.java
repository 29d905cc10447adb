package io.clickstream.query.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.clickstream.platform.http.ApiException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AccessRules} decisions, kept briefly so that a dashboard's burst of requests costs one
 * query. A change of an app on {@code clickstream.config.apps} (visibility, deletion) drops that
 * app's decisions at once; membership and key revocations are not on a topic and take effect within
 * the time to live.
 */
public final class AccessCache {
  private static final Logger log = LoggerFactory.getLogger(AccessCache.class);

  private record UserApp(UUID userId, UUID appId) {}

  private final AccessRules rules;
  private final Cache<UserApp, AccessDecision> decisions;
  private final Cache<String, Optional<UUID>> apiKeys;

  public AccessCache(AccessRules rules, Duration timeToLive) {
    this.rules = rules;
    this.decisions =
        Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(100_000).build();
    this.apiKeys = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).build();
  }

  public AccessDecision userAccess(UUID userId, UUID appId) {
    return decisions.get(
        new UserApp(userId, appId), key -> orUnavailable(() -> rules.userAccess(userId, appId)));
  }

  public Optional<UUID> appOfApiKey(byte[] keyHash) {
    return apiKeys.get(
        HexFormat.of().formatHex(keyHash), key -> orUnavailable(() -> rules.appOfApiKey(keyHash)));
  }

  /** Forgets every decision about an app: its visibility changed, or it was deleted. */
  public void invalidateApp(String appId) {
    decisions.asMap().keySet().removeIf(key -> key.appId().toString().equals(appId));
    apiKeys
        .asMap()
        .values()
        .removeIf(app -> app.map(id -> id.toString().equals(appId)).orElse(false));
  }

  private interface Query<T> {
    T run() throws SQLException;
  }

  private static <T> T orUnavailable(Query<T> query) {
    try {
      return query.run();
    } catch (SQLException e) {
      log.warn("Access check failed: {}", e.toString());
      throw ApiException.unavailable("The access rules cannot be read right now; retry.", 1);
    }
  }
}
