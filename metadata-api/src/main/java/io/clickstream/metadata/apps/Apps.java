package io.clickstream.metadata.apps;

import io.clickstream.metadata.auth.AppAccess;
import io.clickstream.metadata.auth.Authorizer;
import io.clickstream.metadata.auth.Permission;
import io.clickstream.metadata.auth.Role;
import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.metadata.http.Cursor;
import io.clickstream.metadata.http.Page;
import io.clickstream.metadata.http.Pagination;
import io.clickstream.metadata.outbox.ConfigChanges;
import io.clickstream.metadata.tokens.ActiveTokens;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import io.clickstream.platform.auth.Principal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creating, listing, changing and deleting apps; every change is published for the stream. */
public final class Apps {
  private static final String COLUMNS =
      "a.id, a.organisation_id, a.owner_id, a.name, a.url, a.description, a.is_public,"
          + " a.rate_limit_eps, a.max_connections, a.session_timeout_min, a.locked, a.version,"
          + " a.created_at, a.updated_at, t.id AS token_id, t.created_at AS token_issued_at";
  private static final String FROM =
      " FROM apps a LEFT JOIN app_tokens t ON t.app_id = a.id AND t.revoked_at IS NULL";

  private final Transactor db;
  private final Authorizer authorizer;
  private final Clock clock;

  public Apps(Transactor db, Authorizer authorizer, Clock clock) {
    this.db = db;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  /** An app row. */
  private record Row(
      UUID id,
      UUID organisationId,
      UUID ownerId,
      String name,
      String url,
      String description,
      boolean isPublic,
      AppSettings settings,
      boolean locked,
      long version,
      Instant createdAt,
      Instant updatedAt,
      UUID tokenId,
      Instant tokenIssuedAt) {

    static Row of(ResultSet r) throws SQLException {
      return new Row(
          Sql.uuid(r, "id"),
          Sql.uuid(r, "organisation_id"),
          Sql.uuid(r, "owner_id"),
          r.getString("name"),
          r.getString("url"),
          r.getString("description"),
          r.getBoolean("is_public"),
          new AppSettings(
              r.getInt("rate_limit_eps"),
              r.getInt("max_connections"),
              r.getInt("session_timeout_min")),
          r.getBoolean("locked"),
          r.getLong("version"),
          Sql.instant(r, "created_at"),
          Sql.instant(r, "updated_at"),
          Sql.uuid(r, "token_id"),
          Sql.instant(r, "token_issued_at"));
    }

    AppView view(Role role) {
      return new AppView(
          id.toString(),
          name,
          url,
          description,
          isPublic,
          settings,
          locked,
          role,
          ownerId.toString(),
          organisationId.toString(),
          tokenId == null
              ? null
              : new AppView.ActiveToken(tokenId.toString(), tokenIssuedAt.toString()),
          version,
          createdAt.toString(),
          updatedAt.toString());
    }

    AppConfig config() {
      return new AppConfig(
          id.toString(), organisationId.toString(), name, url, isPublic, settings, version);
    }
  }

  AppView create(Principal caller, AppFields fields) {
    AppSettings settings = fields.settingsOver(AppSettings.DEFAULTS);
    return db.inTransaction(
        c -> {
          Instant now = clock.instant();
          UUID id =
              Sql.one(
                      c,
                      "INSERT INTO apps (organisation_id, owner_id, name, url, description,"
                          + " is_public, rate_limit_eps, max_connections, session_timeout_min,"
                          + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                          + " RETURNING id",
                      r -> Sql.uuid(r, "id"),
                      caller.organisationId(),
                      caller.userId(),
                      fields.name(),
                      fields.url(),
                      fields.description(),
                      fields.isPublic() != null && fields.isPublic(),
                      settings.rateLimitEps(),
                      settings.maxConnections(),
                      settings.sessionTimeoutMin(),
                      now,
                      now)
                  .orElseThrow();
          Row row = load(c, id);
          ConfigChanges.appChanged(c, row.config());
          return row.view(Role.OWNER);
        });
  }

  AppView get(Principal caller, UUID appId) {
    return db.read(
        c -> {
          AppAccess access =
              authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          return load(c, appId).view(access.role());
        });
  }

  /**
   * The apps the caller sees: those they own or are a member of, and the public ones of their
   * organisation, oldest first.
   */
  Page<AppView> list(Principal caller, List<String> cursor, int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + ", m.role"
            + FROM
            + " LEFT JOIN app_members m ON m.app_id = a.id AND m.user_id = ?"
            + " WHERE a.organisation_id = ?"
            + " AND (a.owner_id = ? OR m.user_id IS NOT NULL OR a.is_public)"
            + (cursor == null ? "" : " AND (a.created_at, a.id) > (?, ?)")
            + " ORDER BY a.created_at, a.id LIMIT ?";
    List<Object> params =
        new ArrayList<>(List.of(caller.userId(), caller.organisationId(), caller.userId()));
    if (cursor != null) {
      params.add(Pagination.instant(cursor.get(0)));
      params.add(Pagination.uuid(cursor.get(1)));
    }
    params.add(limit + 1);
    List<AppView> fetched =
        db.read(
            c ->
                Sql.list(
                    c,
                    sql,
                    r -> {
                      Row row = Row.of(r);
                      String member = r.getString("role");
                      Role role =
                          row.ownerId().equals(caller.userId())
                              ? Role.OWNER
                              : member != null ? Role.ofMember(member) : Role.READER;
                      return row.view(role);
                    },
                    params.toArray()));
    return Cursor.page(fetched, limit, app -> Cursor.encode(app.createdAt(), app.id()));
  }

  AppView update(Principal caller, UUID appId, AppFields fields) {
    return db.inTransaction(
        c -> {
          AppAccess access =
              authorizer.require(c, caller, appId, Permission.UPDATE_APP, Authorizer.Lock.UPDATE);
          Row current = load(c, appId);
          AppSettings settings = fields.settingsOver(current.settings());
          Sql.update(
              c,
              "UPDATE apps SET name = ?, url = ?, description = ?, is_public = ?,"
                  + " rate_limit_eps = ?, max_connections = ?, session_timeout_min = ?,"
                  + " version = version + 1, updated_at = ? WHERE id = ?",
              fields.name() == null ? current.name() : fields.name(),
              fields.urlGiven() ? fields.url() : current.url(),
              fields.descriptionGiven() ? fields.description() : current.description(),
              fields.isPublic() == null ? current.isPublic() : fields.isPublic(),
              settings.rateLimitEps(),
              settings.maxConnections(),
              settings.sessionTimeoutMin(),
              clock.instant(),
              appId);
          Row updated = load(c, appId);
          ConfigChanges.appChanged(c, updated.config());
          return updated.view(access.role());
        });
  }

  /**
   * Deletes the app with everything it holds. Its token is revoked, and the stream gets tombstones
   * for the app, its funnels and its products.
   */
  void delete(Principal caller, UUID appId) {
    db.inTransaction(
        c -> {
          authorizer.require(c, caller, appId, Permission.DELETE_APP, Authorizer.Lock.UPDATE);
          Instant now = clock.instant();
          ActiveTokens.revoke(c, appId, now);
          String app = appId.toString();
          for (String funnel :
              Sql.list(
                  c,
                  "SELECT id FROM funnels WHERE app_id = ? ORDER BY created_at, id",
                  r -> r.getString("id"),
                  appId)) {
            ConfigChanges.funnelDeleted(c, app, funnel);
          }
          for (String product :
              Sql.list(
                  c,
                  "SELECT product_id FROM products WHERE app_id = ? ORDER BY product_id",
                  r -> r.getString("product_id"),
                  appId)) {
            ConfigChanges.productDeleted(c, app, product);
          }
          ConfigChanges.appDeleted(c, app);
          Sql.update(c, "DELETE FROM apps WHERE id = ?", appId);
          return null;
        });
  }

  private static Row load(Connection c, UUID appId) throws SQLException {
    return Sql.one(c, "SELECT " + COLUMNS + FROM + " WHERE a.id = ?", Row::of, appId).orElseThrow();
  }
}
