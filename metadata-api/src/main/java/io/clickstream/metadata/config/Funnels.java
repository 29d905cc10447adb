package io.clickstream.metadata.config;

import com.fasterxml.jackson.core.type.TypeReference;
import io.clickstream.metadata.auth.Authorizer;
import io.clickstream.metadata.auth.Permission;
import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.Cursor;
import io.clickstream.metadata.http.Page;
import io.clickstream.metadata.http.Pagination;
import io.clickstream.metadata.outbox.ConfigChanges;
import io.clickstream.model.Json;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import io.clickstream.platform.auth.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Funnels of an app; each change goes to {@code clickstream.config.funnels}. */
public final class Funnels {
  static final int MAX_PER_APP = 100;
  private static final TypeReference<List<FunnelStep>> STEPS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, app_id, name, steps::text AS steps, window_ms, created_at, updated_at";

  private final Transactor db;
  private final Authorizer authorizer;
  private final Clock clock;

  public Funnels(Transactor db, Authorizer authorizer, Clock clock) {
    this.db = db;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  /** A funnel's writable fields. */
  record Fields(String name, List<FunnelStep> steps, long windowMs) {}

  FunnelView create(Principal caller, UUID appId, Fields fields) {
    return db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          long count =
              Sql.one(c, "SELECT count(*) FROM funnels WHERE app_id = ?", r -> r.getLong(1), appId)
                  .orElse(0L);
          if (count >= MAX_PER_APP) {
            throw ApiErrors.conflict(
                "too_many_funnels", "An app has at most " + MAX_PER_APP + " funnels.");
          }
          Instant now = clock.instant();
          FunnelView funnel =
              Sql.one(
                      c,
                      "INSERT INTO funnels (app_id, name, steps, window_ms, created_at, updated_at)"
                          + " VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?) RETURNING "
                          + COLUMNS,
                      Funnels::viewOf,
                      appId,
                      fields.name(),
                      Json.toJson(fields.steps()),
                      fields.windowMs(),
                      now,
                      now)
                  .orElseThrow();
          publish(c, funnel, now);
          return funnel;
        });
  }

  FunnelView replace(Principal caller, UUID appId, UUID funnelId, Fields fields) {
    return db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          Instant now = clock.instant();
          FunnelView funnel =
              Sql.one(
                      c,
                      "UPDATE funnels SET name = ?, steps = CAST(? AS jsonb), window_ms = ?,"
                          + " updated_at = ? WHERE id = ? AND app_id = ? RETURNING "
                          + COLUMNS,
                      Funnels::viewOf,
                      fields.name(),
                      Json.toJson(fields.steps()),
                      fields.windowMs(),
                      now,
                      funnelId,
                      appId)
                  .orElseThrow(() -> ApiErrors.notFound("Funnel"));
          publish(c, funnel, now);
          return funnel;
        });
  }

  void delete(Principal caller, UUID appId, UUID funnelId) {
    db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          if (Sql.update(c, "DELETE FROM funnels WHERE id = ? AND app_id = ?", funnelId, appId)
              == 0) {
            throw ApiErrors.notFound("Funnel");
          }
          ConfigChanges.funnelDeleted(c, appId.toString(), funnelId.toString());
          return null;
        });
  }

  FunnelView get(Principal caller, UUID appId, UUID funnelId) {
    return db.read(
        c -> {
          authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          return Sql.one(
                  c,
                  "SELECT " + COLUMNS + " FROM funnels WHERE id = ? AND app_id = ?",
                  Funnels::viewOf,
                  funnelId,
                  appId)
              .orElseThrow(() -> ApiErrors.notFound("Funnel"));
        });
  }

  Page<FunnelView> list(Principal caller, UUID appId, List<String> cursor, int limit) {
    return db.read(
        c -> {
          authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          List<FunnelView> rows =
              cursor == null
                  ? Sql.list(
                      c,
                      "SELECT "
                          + COLUMNS
                          + " FROM funnels WHERE app_id = ?"
                          + " ORDER BY created_at, id LIMIT ?",
                      Funnels::viewOf,
                      appId,
                      limit + 1)
                  : Sql.list(
                      c,
                      "SELECT "
                          + COLUMNS
                          + " FROM funnels WHERE app_id = ?"
                          + " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?",
                      Funnels::viewOf,
                      appId,
                      Pagination.instant(cursor.get(0)),
                      Pagination.uuid(cursor.get(1)),
                      limit + 1);
          return Cursor.page(rows, limit, f -> Cursor.encode(f.createdAt(), f.id()));
        });
  }

  private static void publish(java.sql.Connection c, FunnelView funnel, Instant now)
      throws SQLException {
    ConfigChanges.funnelChanged(
        c,
        new FunnelDefinition(
            funnel.appId(),
            funnel.id(),
            funnel.name(),
            funnel.steps(),
            funnel.windowMs(),
            now.toEpochMilli()));
  }

  private static FunnelView viewOf(ResultSet r) throws SQLException {
    List<FunnelStep> steps;
    try {
      steps = Json.MAPPER.readValue(r.getString("steps"), STEPS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FunnelView(
        r.getString("id"),
        r.getString("app_id"),
        r.getString("name"),
        steps,
        r.getLong("window_ms"),
        Sql.instant(r, "created_at").toString(),
        Sql.instant(r, "updated_at").toString());
  }
}
