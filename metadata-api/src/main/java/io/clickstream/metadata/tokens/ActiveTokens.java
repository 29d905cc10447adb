package io.clickstream.metadata.tokens;

import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.outbox.ConfigChanges;
import io.clickstream.model.config.TokenRevocation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Revoking an app's active token: marked in the table and published to the collectors. */
public final class ActiveTokens {
  private ActiveTokens() {}

  /** Revokes the app's active token, if any; returns the ids revoked. */
  public static List<UUID> revoke(Connection c, UUID appId, Instant now) throws SQLException {
    List<UUID> revoked =
        Sql.list(
            c,
            "UPDATE app_tokens SET revoked_at = ? WHERE app_id = ? AND revoked_at IS NULL"
                + " RETURNING id",
            row -> Sql.uuid(row, "id"),
            now,
            appId);
    for (UUID id : revoked) {
      ConfigChanges.tokenRevoked(
          c, new TokenRevocation(id.toString(), appId.toString(), now.toEpochMilli()));
    }
    return revoked;
  }
}
