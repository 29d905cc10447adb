package io.clickstream.metadata.accounts;

import io.clickstream.metadata.auth.OpaqueTokens;
import io.clickstream.metadata.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Rotating refresh tokens in families (see V1__accounts.sql). */
final class RefreshTokens {
  static final String PREFIX = "csr_";

  private final Duration lifetime;

  RefreshTokens(Duration lifetime) {
    this.lifetime = lifetime;
  }

  /** A stored refresh token, locked for the transaction. */
  record Stored(UUID id, UUID familyId, UUID userId, Instant expiresAt, boolean spent) {}

  /** Starts a new family (a login) and returns its first token. */
  String startFamily(Connection c, UUID userId, Instant now) throws SQLException {
    return add(c, UUID.randomUUID(), userId, now);
  }

  /** The next token of the family; the presented one is marked used. */
  String rotate(Connection c, Stored presented, Instant now) throws SQLException {
    Sql.update(c, "UPDATE refresh_tokens SET used_at = ? WHERE id = ?", now, presented.id());
    return add(c, presented.familyId(), presented.userId(), now);
  }

  Optional<Stored> findForUpdate(Connection c, String token) throws SQLException {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    return Sql.one(
        c,
        "SELECT id, family_id, user_id, expires_at, used_at IS NOT NULL OR revoked_at IS NOT NULL"
            + " AS spent FROM refresh_tokens WHERE token_hash = ? FOR UPDATE",
        row ->
            new Stored(
                Sql.uuid(row, "id"),
                Sql.uuid(row, "family_id"),
                Sql.uuid(row, "user_id"),
                Sql.instant(row, "expires_at"),
                row.getBoolean("spent")),
        (Object) OpaqueTokens.sha256(token));
  }

  void revokeFamily(Connection c, UUID familyId, Instant now) throws SQLException {
    Sql.update(
        c,
        "UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
        now,
        familyId);
  }

  void revokeAllOf(Connection c, UUID userId, Instant now) throws SQLException {
    Sql.update(
        c,
        "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
        now,
        userId);
  }

  /** Old tokens are useless after expiry; a login clears its user's. */
  void deleteExpired(Connection c, UUID userId, Instant now) throws SQLException {
    Sql.update(c, "DELETE FROM refresh_tokens WHERE user_id = ? AND expires_at < ?", userId, now);
  }

  private String add(Connection c, UUID familyId, UUID userId, Instant now) throws SQLException {
    String token = OpaqueTokens.generate(PREFIX);
    Sql.update(
        c,
        "INSERT INTO refresh_tokens (family_id, user_id, token_hash, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        familyId,
        userId,
        OpaqueTokens.sha256(token),
        now,
        now.plus(lifetime));
    return token;
  }
}
