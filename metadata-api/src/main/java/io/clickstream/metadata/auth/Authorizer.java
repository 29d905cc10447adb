package io.clickstream.metadata.auth;

import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.platform.auth.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The one place that decides whether a user may do something to an app. An app of another
 * organisation, or a private app the user is no member of, does not exist for them (404); an app
 * they can see but may not change this way is a 403.
 *
 * <p>The check runs on the caller's connection. For a change it runs inside the change's
 * transaction and locks the app row as asked, so the role and the lock state it saw hold until the
 * change commits; reads need no lock.
 */
public final class Authorizer {
  /** How the app row is locked while the caller's transaction runs. */
  public enum Lock {
    NONE(""),
    /** Changes to the app's children: blocks a concurrent lock, delete or settings change. */
    SHARE(" FOR SHARE OF a"),
    /** Changes to the app row itself, or anything that must see no concurrent child change. */
    UPDATE(" FOR UPDATE OF a");

    private final String clause;

    Lock(String clause) {
      this.clause = clause;
    }
  }

  public AppAccess require(
      Connection connection, Principal caller, UUID appId, Permission permission, Lock lock)
      throws SQLException {
    AppAccess access =
        Sql.one(
                connection,
                "SELECT a.id, a.organisation_id, a.owner_id, a.is_public, a.locked, m.role"
                    + " FROM apps a LEFT JOIN app_members m"
                    + " ON m.app_id = a.id AND m.user_id = ?"
                    + " WHERE a.id = ?"
                    + lock.clause,
                row -> {
                  UUID owner = Sql.uuid(row, "owner_id");
                  String member = row.getString("role");
                  Role role;
                  if (owner.equals(caller.userId())) {
                    role = Role.OWNER;
                  } else if (member != null) {
                    role = Role.ofMember(member);
                  } else if (row.getBoolean("is_public")) {
                    role = Role.READER;
                  } else {
                    role = null;
                  }
                  return new AppAccess(
                      appId,
                      Sql.uuid(row, "organisation_id"),
                      owner,
                      role,
                      row.getBoolean("locked"),
                      caller);
                },
                caller.userId(),
                appId)
            .orElseThrow(() -> ApiErrors.notFound("App"));
    if (!access.organisationId().equals(caller.organisationId()) || access.role() == null) {
      throw ApiErrors.notFound("App");
    }
    if (!permission.allows(access.role())) {
      throw ApiErrors.forbidden(
          "Your role (" + access.role().json() + ") may not do this to the app.");
    }
    return access;
  }

  /** Like {@link #require}, and refuses when the app's configuration is locked. */
  public AppAccess requireUnlocked(
      Connection connection, Principal caller, UUID appId, Permission permission)
      throws SQLException {
    AppAccess access = require(connection, caller, appId, permission, Lock.SHARE);
    if (access.locked()) {
      throw ApiErrors.locked();
    }
    return access;
  }
}
