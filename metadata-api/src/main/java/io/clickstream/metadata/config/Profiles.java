package io.clickstream.metadata.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clickstream.metadata.auth.Authorizer;
import io.clickstream.metadata.auth.Permission;
import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.metadata.http.Cursor;
import io.clickstream.metadata.http.Page;
import io.clickstream.model.Json;
import io.clickstream.platform.auth.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** End-user profiles of an app, by the app's own user id (what identify events carry). */
public final class Profiles {
  private static final String COLUMNS =
      "user_id, app_id, traits::text AS traits, visitor_ids, created_at, updated_at";

  private final Transactor db;
  private final Authorizer authorizer;
  private final Clock clock;

  public Profiles(Transactor db, Authorizer authorizer, Clock clock) {
    this.db = db;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  /** A profile's writable fields. */
  record Fields(ObjectNode traits, List<String> visitorIds) {}

  /** A profile after a write, and whether the write created it. */
  record Written(ProfileView profile, boolean created) {}

  ProfileView create(Principal caller, UUID appId, String userId, Fields fields) {
    return db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          return Sql.one(
                  c,
                  "INSERT INTO profiles (app_id, user_id, traits, visitor_ids, created_at,"
                      + " updated_at) VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?)"
                      + " ON CONFLICT (app_id, user_id) DO NOTHING RETURNING "
                      + COLUMNS,
                  Profiles::viewOf,
                  appId,
                  userId,
                  Json.toJson(fields.traits()),
                  Sql.textArray(fields.visitorIds()),
                  clock.instant(),
                  clock.instant())
              .orElseThrow(
                  () ->
                      ApiErrors.conflict(
                          "profile_exists",
                          "A profile with this user id exists; PUT /profiles/{id} replaces it."));
        });
  }

  Written put(Principal caller, UUID appId, String userId, Fields fields) {
    return db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          return Sql.one(
                  c,
                  "INSERT INTO profiles (app_id, user_id, traits, visitor_ids, created_at,"
                      + " updated_at) VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?)"
                      + " ON CONFLICT (app_id, user_id) DO UPDATE SET traits = EXCLUDED.traits,"
                      + " visitor_ids = EXCLUDED.visitor_ids, updated_at = EXCLUDED.updated_at"
                      + " RETURNING "
                      + COLUMNS
                      + ", (xmax = 0) AS created",
                  r -> new Written(viewOf(r), r.getBoolean("created")),
                  appId,
                  userId,
                  Json.toJson(fields.traits()),
                  Sql.textArray(fields.visitorIds()),
                  clock.instant(),
                  clock.instant())
              .orElseThrow();
        });
  }

  void delete(Principal caller, UUID appId, String userId) {
    db.inTransaction(
        c -> {
          authorizer.requireUnlocked(c, caller, appId, Permission.EDIT_CONFIGURATION);
          if (Sql.update(c, "DELETE FROM profiles WHERE app_id = ? AND user_id = ?", appId, userId)
              == 0) {
            throw ApiErrors.notFound("Profile");
          }
          return null;
        });
  }

  ProfileView get(Principal caller, UUID appId, String userId) {
    return db.read(
        c -> {
          authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          return Sql.one(
                  c,
                  "SELECT " + COLUMNS + " FROM profiles WHERE app_id = ? AND user_id = ?",
                  Profiles::viewOf,
                  appId,
                  userId)
              .orElseThrow(() -> ApiErrors.notFound("Profile"));
        });
  }

  /**
   * Profiles in user-id order; with {@code visitorId}, the profile(s) that visitor is linked to.
   */
  Page<ProfileView> list(
      Principal caller, UUID appId, String visitorId, List<String> cursor, int limit) {
    return db.read(
        c -> {
          authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          List<Object> params = new ArrayList<>();
          params.add(appId);
          StringBuilder sql =
              new StringBuilder("SELECT " + COLUMNS + " FROM profiles WHERE app_id = ?");
          if (visitorId != null) {
            sql.append(" AND visitor_ids @> ?");
            params.add(Sql.textArray(List.of(visitorId)));
          }
          if (cursor != null) {
            sql.append(" AND user_id > ?");
            params.add(cursor.get(0));
          }
          sql.append(" ORDER BY user_id LIMIT ?");
          params.add(limit + 1);
          List<ProfileView> rows = Sql.list(c, sql.toString(), Profiles::viewOf, params.toArray());
          return Cursor.page(rows, limit, p -> Cursor.encode(p.userId()));
        });
  }

  private static ProfileView viewOf(ResultSet r) throws SQLException {
    return new ProfileView(
        r.getString("user_id"),
        r.getString("app_id"),
        Json.readTree(r.getString("traits")),
        Arrays.asList((String[]) r.getArray("visitor_ids").getArray()),
        Sql.instant(r, "created_at").toString(),
        Sql.instant(r, "updated_at").toString());
  }
}
