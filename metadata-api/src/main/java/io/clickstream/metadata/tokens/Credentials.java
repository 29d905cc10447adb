package io.clickstream.metadata.tokens;

import io.clickstream.metadata.auth.Authorizer;
import io.clickstream.metadata.auth.OpaqueTokens;
import io.clickstream.metadata.auth.Permission;
import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.auth.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An app's credentials: its app token (the write credential of the tracking snippet, one active at
 * a time) and its read API keys for the query API.
 */
public final class Credentials {
  public static final String API_KEY_PREFIX = "csk_";
  static final int MAX_ACTIVE_API_KEYS = 20;
  private static final int SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length() + 8;

  private final Transactor db;
  private final Authorizer authorizer;
  private final AppTokens appTokens;
  private final TrackingSnippet snippet;
  private final Clock clock;

  public Credentials(
      Transactor db,
      Authorizer authorizer,
      AppTokens appTokens,
      TrackingSnippet snippet,
      Clock clock) {
    this.db = db;
    this.authorizer = authorizer;
    this.appTokens = appTokens;
    this.snippet = snippet;
    this.clock = clock;
  }

  /**
   * Issues the app token and locks the configuration. An active token is revoked first (rotation).
   * The app row is locked, so concurrent issues run one after the other and leave one token.
   */
  IssuedToken issue(Principal caller, UUID appId) {
    return db.inTransaction(
        c -> {
          authorizer.require(c, caller, appId, Permission.MANAGE_TOKEN, Authorizer.Lock.UPDATE);
          Instant now = clock.instant();
          List<UUID> revoked = ActiveTokens.revoke(c, appId, now);
          UUID tokenId =
              Sql.one(
                      c,
                      "INSERT INTO app_tokens (app_id, created_by, created_at) VALUES (?, ?, ?)"
                          + " RETURNING id",
                      r -> Sql.uuid(r, "id"),
                      appId,
                      caller.userId(),
                      now)
                  .orElseThrow();
          Sql.update(c, "UPDATE apps SET locked = true, updated_at = ? WHERE id = ?", now, appId);
          String token = appTokens.issue(appId.toString(), tokenId.toString(), now);
          return new IssuedToken(
              token,
              snippet.html(token),
              tokenId.toString(),
              now.toString(),
              revoked.stream().map(UUID::toString).toList(),
              true);
        });
  }

  /**
   * Revokes the active token. With no token out, nothing is tracked under the configuration, so it
   * is unlocked as well.
   */
  void revoke(Principal caller, UUID appId) {
    db.inTransaction(
        c -> {
          authorizer.require(c, caller, appId, Permission.MANAGE_TOKEN, Authorizer.Lock.UPDATE);
          Instant now = clock.instant();
          if (ActiveTokens.revoke(c, appId, now).isEmpty()) {
            throw ApiErrors.notFound("Active app token");
          }
          Sql.update(c, "UPDATE apps SET locked = false, updated_at = ? WHERE id = ?", now, appId);
          return null;
        });
  }

  /** Re-opens the configuration; the current token stays valid. */
  LockState unlock(Principal caller, UUID appId) {
    return db.inTransaction(
        c -> {
          authorizer.require(c, caller, appId, Permission.MANAGE_TOKEN, Authorizer.Lock.UPDATE);
          Sql.update(
              c,
              "UPDATE apps SET locked = false, updated_at = ? WHERE id = ?",
              clock.instant(),
              appId);
          return new LockState(appId.toString(), false);
        });
  }

  /** Whether an app's configuration is locked. */
  record LockState(
      @com.fasterxml.jackson.annotation.JsonProperty("app_id") String appId, boolean locked) {}

  ApiKeyView createApiKey(Principal caller, UUID appId, String name) {
    String key = OpaqueTokens.generate(API_KEY_PREFIX);
    return db.inTransaction(
        c -> {
          authorizer.require(c, caller, appId, Permission.MANAGE_API_KEYS, Authorizer.Lock.UPDATE);
          long active =
              Sql.one(
                      c,
                      "SELECT count(*) FROM api_keys WHERE app_id = ? AND revoked_at IS NULL",
                      r -> r.getLong(1),
                      appId)
                  .orElse(0L);
          if (active >= MAX_ACTIVE_API_KEYS) {
            throw ApiErrors.conflict(
                "too_many_api_keys",
                "An app has at most " + MAX_ACTIVE_API_KEYS + " API keys; revoke one first.");
          }
          ApiKeyView stored =
              Sql.one(
                      c,
                      "INSERT INTO api_keys (app_id, name, key_prefix, key_hash, created_by,"
                          + " created_at) VALUES (?, ?, ?, ?, ?, ?)"
                          + " RETURNING id, name, key_prefix, created_by, created_at",
                      Credentials::apiKeyOf,
                      appId,
                      name,
                      key.substring(0, SHOWN_PREFIX_LENGTH),
                      OpaqueTokens.sha256(key),
                      caller.userId(),
                      clock.instant())
                  .orElseThrow();
          return new ApiKeyView(
              stored.id(),
              stored.name(),
              key,
              stored.prefix(),
              stored.createdBy(),
              stored.createdAt());
        });
  }

  List<ApiKeyView> apiKeys(Principal caller, UUID appId) {
    return db.read(
        c -> {
          authorizer.require(c, caller, appId, Permission.MANAGE_API_KEYS, Authorizer.Lock.NONE);
          return Sql.list(
              c,
              "SELECT id, name, key_prefix, created_by, created_at FROM api_keys"
                  + " WHERE app_id = ? AND revoked_at IS NULL ORDER BY created_at, id",
              Credentials::apiKeyOf,
              appId);
        });
  }

  /** Revokes one key, or all the app's keys when {@code keyId} is null. */
  void revokeApiKeys(Principal caller, UUID appId, UUID keyId) {
    db.inTransaction(
        c -> {
          authorizer.require(c, caller, appId, Permission.MANAGE_API_KEYS, Authorizer.Lock.SHARE);
          int revoked =
              Sql.update(
                  c,
                  "UPDATE api_keys SET revoked_at = ? WHERE app_id = ? AND revoked_at IS NULL"
                      + (keyId == null ? "" : " AND id = ?"),
                  keyId == null
                      ? new Object[] {clock.instant(), appId}
                      : new Object[] {clock.instant(), appId, keyId});
          if (keyId != null && revoked == 0) {
            throw ApiErrors.notFound("API key");
          }
          return null;
        });
  }

  private static ApiKeyView apiKeyOf(ResultSet r) throws SQLException {
    UUID createdBy = Sql.uuid(r, "created_by");
    return new ApiKeyView(
        r.getString("id"),
        r.getString("name"),
        null,
        r.getString("key_prefix"),
        createdBy == null ? null : createdBy.toString(),
        Sql.instant(r, "created_at").toString());
  }
}
