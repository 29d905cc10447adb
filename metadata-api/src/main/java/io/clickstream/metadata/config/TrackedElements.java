package io.clickstream.metadata.config;

import io.clickstream.metadata.auth.Authorizer;
import io.clickstream.metadata.auth.Permission;
import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.db.SqlStates;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.Cursor;
import io.clickstream.metadata.http.Page;
import io.clickstream.metadata.http.Pagination;
import io.clickstream.platform.auth.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Tracked elements of an app (read by the tracker through the collector, not the stream). */
public final class TrackedElements {
  static final int MAX_PER_APP = 500;
  static final List<String> EVENTS = List.of("click", "hover");
  private static final String COLUMNS =
      "id, app_id, name, selector, events, created_at, updated_at";

  private final Transactor db;
  private final Authorizer authorizer;
  private final Clock clock;

  public TrackedElements(Transactor db, Authorizer authorizer, Clock clock) {
    this.db = db;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  /** A tracked element's writable fields. */
  record Fields(String name, String selector, List<String> events) {}

  TrackedElementView create(Principal caller, UUID appId, Fields fields) {
    return uniqueSelector(
        () ->
            db.inTransaction(
                c -> {
                  authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
                  long count =
                      Sql.one(
                              c,
                              "SELECT count(*) FROM tracked_elements WHERE app_id = ?",
                              r -> r.getLong(1),
                              appId)
                          .orElse(0L);
                  if (count >= MAX_PER_APP) {
                    throw ApiErrors.conflict(
                        "too_many_tracked_elements",
                        "An app has at most " + MAX_PER_APP + " tracked elements.");
                  }
                  Instant now = clock.instant();
                  return Sql.one(
                          c,
                          "INSERT INTO tracked_elements (app_id, name, selector, events,"
                              + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING "
                              + COLUMNS,
                          TrackedElements::viewOf,
                          appId,
                          fields.name(),
                          fields.selector(),
                          Sql.textArray(fields.events()),
                          now,
                          now)
                      .orElseThrow();
                }));
  }

  TrackedElementView replace(Principal caller, UUID appId, UUID elementId, Fields fields) {
    return uniqueSelector(
        () ->
            db.inTransaction(
                c -> {
                  authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
                  return Sql.one(
                          c,
                          "UPDATE tracked_elements SET name = ?, selector = ?, events = ?,"
                              + " updated_at = ? WHERE id = ? AND app_id = ? RETURNING "
                              + COLUMNS,
                          TrackedElements::viewOf,
                          fields.name(),
                          fields.selector(),
                          Sql.textArray(fields.events()),
                          clock.instant(),
                          elementId,
                          appId)
                      .orElseThrow(() -> ApiErrors.notFound("Tracked element"));
                }));
  }

  void delete(Principal caller, UUID appId, UUID elementId) {
    db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          if (Sql.update(
                  c, "DELETE FROM tracked_elements WHERE id = ? AND app_id = ?", elementId, appId)
              == 0) {
            throw ApiErrors.notFound("Tracked element");
          }
          return null;
        });
  }

  TrackedElementView get(Principal caller, UUID appId, UUID elementId) {
    return db.read(
        c -> {
          authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          return Sql.one(
                  c,
                  "SELECT " + COLUMNS + " FROM tracked_elements WHERE id = ? AND app_id = ?",
                  TrackedElements::viewOf,
                  elementId,
                  appId)
              .orElseThrow(() -> ApiErrors.notFound("Tracked element"));
        });
  }

  Page<TrackedElementView> list(Principal caller, UUID appId, List<String> cursor, int limit) {
    return db.read(
        c -> {
          authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          List<TrackedElementView> rows =
              cursor == null
                  ? Sql.list(
                      c,
                      "SELECT "
                          + COLUMNS
                          + " FROM tracked_elements WHERE app_id = ?"
                          + " ORDER BY created_at, id LIMIT ?",
                      TrackedElements::viewOf,
                      appId,
                      limit + 1)
                  : Sql.list(
                      c,
                      "SELECT "
                          + COLUMNS
                          + " FROM tracked_elements WHERE app_id = ?"
                          + " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?",
                      TrackedElements::viewOf,
                      appId,
                      Pagination.instant(cursor.get(0)),
                      Pagination.uuid(cursor.get(1)),
                      limit + 1);
          return Cursor.page(rows, limit, e -> Cursor.encode(e.createdAt(), e.id()));
        });
  }

  private static <T> T uniqueSelector(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (Transactor.DatabaseException e) {
      if (e.getCause() instanceof SQLException sql
          && SqlStates.isUniqueViolation(sql, "tracked_elements_app_id_selector_key")) {
        throw ApiErrors.conflict(
            "selector_taken", "The app already tracks an element with this selector.");
      }
      throw e;
    }
  }

  private static TrackedElementView viewOf(ResultSet r) throws SQLException {
    return new TrackedElementView(
        r.getString("id"),
        r.getString("app_id"),
        r.getString("name"),
        r.getString("selector"),
        Arrays.asList((String[]) r.getArray("events").getArray()),
        Sql.instant(r, "created_at").toString(),
        Sql.instant(r, "updated_at").toString());
  }
}
