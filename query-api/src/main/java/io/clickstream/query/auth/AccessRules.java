package io.clickstream.query.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The metadata API's read rules, asked of its own PostgreSQL tables with read-only, parameterised
 * queries. They mirror {@code metadata-api}'s {@code Authenticator} (the user must still exist) and
 * {@code Authorizer} (owner, member, or same organisation and public; anything else does not
 * exist), in one round trip; every role may read metrics.
 */
public final class AccessRules {
  private static final String USER_ACCESS =
      "SELECT u.organisation_id AS user_organisation, a.organisation_id AS app_organisation,"
          + " a.owner_id, a.is_public, m.role"
          + " FROM users u"
          + " LEFT JOIN apps a ON a.id = ?"
          + " LEFT JOIN app_members m ON m.app_id = a.id AND m.user_id = u.id"
          + " WHERE u.id = ?";
  private static final String API_KEY_APP =
      "SELECT app_id FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL";

  private final DataSource dataSource;

  public AccessRules(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public AccessDecision userAccess(UUID userId, UUID appId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(USER_ACCESS)) {
      connection.setReadOnly(true);
      statement.setObject(1, appId);
      statement.setObject(2, userId);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return AccessDecision.UNKNOWN_USER;
        }
        Object appOrganisation = row.getObject("app_organisation");
        if (appOrganisation == null
            || !appOrganisation.equals(row.getObject("user_organisation"))) {
          return AccessDecision.NOT_FOUND;
        }
        boolean owner = userId.equals(row.getObject("owner_id"));
        boolean member = row.getString("role") != null;
        boolean isPublic = row.getBoolean("is_public");
        return owner || member || isPublic ? AccessDecision.READ : AccessDecision.NOT_FOUND;
      }
    }
  }

  /** The app of an active API key, by the key's SHA-256. */
  public Optional<UUID> appOfApiKey(byte[] keyHash) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(API_KEY_APP)) {
      connection.setReadOnly(true);
      statement.setBytes(1, keyHash);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of((UUID) row.getObject("app_id")) : Optional.empty();
      }
    }
  }
}
