package io.clickstream.metadata.teams;

import io.clickstream.metadata.accounts.EmailAddress;
import io.clickstream.metadata.auth.AppAccess;
import io.clickstream.metadata.auth.Authorizer;
import io.clickstream.metadata.auth.Permission;
import io.clickstream.metadata.auth.Role;
import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.db.SqlStates;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.platform.auth.Principal;
import io.clickstream.platform.http.ApiException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations and members (DESIGN §6): the owner invites colleagues of the same organisation by
 * email; an invitation stays pending until the invitee accepts or declines it, the owner withdraws
 * it, or it expires.
 */
public final class Teams {
  static final Duration INVITATION_LIFETIME = Duration.ofDays(14);
  private static final String INVITATION_COLUMNS =
      "i.id, i.app_id, a.name AS app_name, i.email, i.role, i.status, i.invited_by,"
          + " i.created_at, i.expires_at";

  private final Transactor db;
  private final Authorizer authorizer;
  private final Clock clock;

  public Teams(Transactor db, Authorizer authorizer, Clock clock) {
    this.db = db;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  InvitationView invite(Principal caller, UUID appId, String emailInput, Role role) {
    EmailAddress email =
        EmailAddress.parse(emailInput)
            .orElseThrow(() -> ApiErrors.invalid("email", "is not a valid email address"));
    try {
      return db.inTransaction(
          c -> {
            authorizer.require(c, caller, appId, Permission.MANAGE_MEMBERS, Authorizer.Lock.SHARE);
            if (!email.domain().equals(caller.organisation())) {
              throw new ApiException(
                  400,
                  "other_organisation",
                  "Only colleagues of your organisation (@"
                      + caller.organisation()
                      + ") can be invited.");
            }
            boolean alreadyIn =
                Sql.one(
                        c,
                        "SELECT 1 FROM users u WHERE u.email = ? AND (u.id = (SELECT owner_id FROM apps"
                            + " WHERE id = ?) OR EXISTS (SELECT 1 FROM app_members m"
                            + " WHERE m.app_id = ? AND m.user_id = u.id))",
                        r -> true,
                        email.value(),
                        appId,
                        appId)
                    .isPresent();
            if (alreadyIn) {
              throw ApiErrors.conflict(
                  "already_member", "This person is already in the app's team.");
            }
            Instant now = clock.instant();
            Sql.update(
                c,
                "UPDATE invitations SET status = 'expired' WHERE app_id = ? AND email = ?"
                    + " AND status = 'pending' AND expires_at <= ?",
                appId,
                email.value(),
                now);
            UUID id =
                Sql.one(
                        c,
                        "INSERT INTO invitations (app_id, email, role, invited_by, created_at,"
                            + " expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                        r -> Sql.uuid(r, "id"),
                        appId,
                        email.value(),
                        role.json(),
                        caller.userId(),
                        now,
                        now.plus(INVITATION_LIFETIME))
                    .orElseThrow();
            return invitation(c, id).orElseThrow();
          });
    } catch (Transactor.DatabaseException e) {
      if (e.getCause() instanceof SQLException sql
          && SqlStates.isUniqueViolation(sql, "invitations_one_pending")) {
        throw ApiErrors.conflict(
            "invitation_pending", "This person already has a pending invitation to the app.");
      }
      throw e;
    }
  }

  Members members(Principal caller, UUID appId) {
    return db.read(
        c -> {
          AppAccess access =
              authorizer.require(c, caller, appId, Permission.READ, Authorizer.Lock.NONE);
          List<MemberView> members = new ArrayList<>();
          members.addAll(
              Sql.list(
                  c,
                  "SELECT u.id, u.email, u.name, a.created_at FROM apps a"
                      + " JOIN users u ON u.id = a.owner_id WHERE a.id = ?",
                  r -> member(r, Role.OWNER),
                  appId));
          members.addAll(
              Sql.list(
                  c,
                  "SELECT u.id, u.email, u.name, m.created_at, m.role FROM app_members m"
                      + " JOIN users u ON u.id = m.user_id WHERE m.app_id = ?"
                      + " ORDER BY m.created_at, u.id",
                  r -> member(r, Role.ofMember(r.getString("role"))),
                  appId));
          List<InvitationView> pending =
              Permission.MANAGE_MEMBERS.allows(access.role())
                  ? Sql.list(
                      c,
                      "SELECT "
                          + INVITATION_COLUMNS
                          + " FROM invitations i"
                          + " JOIN apps a ON a.id = i.app_id WHERE i.app_id = ?"
                          + " AND i.status = 'pending' AND i.expires_at > ?"
                          + " ORDER BY i.created_at, i.id",
                      Teams::invitationOf,
                      appId,
                      clock.instant())
                  : null;
          return new Members(members, pending);
        });
  }

  /**
   * Removes a member. The owner removes anyone but themself (an app never loses its owner); any
   * other member may remove only themself, i.e. leave.
   */
  void remove(Principal caller, UUID appId, UUID userId) {
    db.inTransaction(
        c -> {
          boolean leaving = caller.userId().equals(userId);
          AppAccess access =
              authorizer.require(
                  c,
                  caller,
                  appId,
                  leaving ? Permission.READ : Permission.MANAGE_MEMBERS,
                  Authorizer.Lock.SHARE);
          if (access.ownerId().equals(userId)) {
            throw ApiErrors.conflict(
                "owner_cannot_leave", "The owner cannot be removed: an app always has its owner.");
          }
          int removed =
              Sql.update(
                  c, "DELETE FROM app_members WHERE app_id = ? AND user_id = ?", appId, userId);
          if (removed == 0) {
            throw ApiErrors.notFound("Member");
          }
          return null;
        });
  }

  void withdraw(Principal caller, UUID appId, UUID invitationId) {
    db.inTransaction(
        c -> {
          authorizer.require(c, caller, appId, Permission.MANAGE_MEMBERS, Authorizer.Lock.SHARE);
          int changed =
              Sql.update(
                  c,
                  "UPDATE invitations SET status = 'withdrawn', responded_at = ?"
                      + " WHERE id = ? AND app_id = ? AND status = 'pending'",
                  clock.instant(),
                  invitationId,
                  appId);
          if (changed == 0) {
            throw ApiErrors.notFound("Pending invitation");
          }
          return null;
        });
  }

  /** The caller's pending invitations, newest first. */
  List<InvitationView> mine(Principal caller) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT "
                    + INVITATION_COLUMNS
                    + " FROM invitations i"
                    + " JOIN apps a ON a.id = i.app_id WHERE i.email = ? AND i.status = 'pending'"
                    + " AND i.expires_at > ? ORDER BY i.created_at DESC, i.id LIMIT 200",
                Teams::invitationOf,
                caller.email(),
                clock.instant()));
  }

  InvitationView accept(Principal caller, UUID invitationId) {
    return respond(caller, invitationId, true);
  }

  InvitationView decline(Principal caller, UUID invitationId) {
    return respond(caller, invitationId, false);
  }

  private InvitationView respond(Principal caller, UUID invitationId, boolean accept) {
    return db.inTransaction(
        c -> {
          Instant now = clock.instant();
          // Someone else's invitation does not exist for the caller.
          Optional<PendingInvitation> pending =
              Sql.one(
                  c,
                  "SELECT i.app_id, i.role, i.status, i.expires_at FROM invitations i"
                      + " JOIN apps a ON a.id = i.app_id"
                      + " WHERE i.id = ? AND i.email = ? AND a.organisation_id = ?"
                      + " FOR UPDATE OF i",
                  r ->
                      new PendingInvitation(
                          Sql.uuid(r, "app_id"),
                          r.getString("role"),
                          r.getString("status"),
                          Sql.instant(r, "expires_at")),
                  invitationId,
                  caller.email(),
                  caller.organisationId());
          if (pending.isEmpty()) {
            throw ApiErrors.notFound("Invitation");
          }
          PendingInvitation invitation = pending.get();
          if (!invitation.status().equals("pending")) {
            throw ApiErrors.conflict(
                "invitation_closed", "This invitation was already " + invitation.status() + ".");
          }
          if (!invitation.expiresAt().isAfter(now)) {
            Sql.update(c, "UPDATE invitations SET status = 'expired' WHERE id = ?", invitationId);
            return invitation(c, invitationId).orElseThrow();
          }
          Sql.update(
              c,
              "UPDATE invitations SET status = ?, responded_at = ? WHERE id = ?",
              accept ? "accepted" : "declined",
              now,
              invitationId);
          if (accept) {
            Sql.update(
                c,
                "INSERT INTO app_members (app_id, user_id, role, created_at) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (app_id, user_id) DO NOTHING",
                invitation.appId(),
                caller.userId(),
                invitation.role(),
                now);
          }
          return invitation(c, invitationId).orElseThrow();
        });
  }

  private record PendingInvitation(UUID appId, String role, String status, Instant expiresAt) {}

  private static Optional<InvitationView> invitation(Connection c, UUID id) throws SQLException {
    return Sql.one(
        c,
        "SELECT "
            + INVITATION_COLUMNS
            + " FROM invitations i JOIN apps a ON a.id = i.app_id"
            + " WHERE i.id = ?",
        Teams::invitationOf,
        id);
  }

  private static InvitationView invitationOf(ResultSet r) throws SQLException {
    UUID invitedBy = Sql.uuid(r, "invited_by");
    return new InvitationView(
        r.getString("id"),
        r.getString("app_id"),
        r.getString("app_name"),
        r.getString("email"),
        r.getString("role"),
        r.getString("status"),
        invitedBy == null ? null : invitedBy.toString(),
        Sql.instant(r, "created_at").toString(),
        Sql.instant(r, "expires_at").toString());
  }

  private static MemberView member(ResultSet r, Role role) throws SQLException {
    return new MemberView(
        r.getString("id"),
        r.getString("email"),
        r.getString("name"),
        role,
        Sql.instant(r, "created_at").toString());
  }
}
