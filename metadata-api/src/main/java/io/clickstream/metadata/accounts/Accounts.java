package io.clickstream.metadata.accounts;

import io.clickstream.metadata.db.Sql;
import io.clickstream.metadata.db.SqlStates;
import io.clickstream.metadata.db.Transactor;
import io.clickstream.metadata.http.ApiErrors;
import io.clickstream.platform.auth.AccessTokens;
import io.clickstream.platform.auth.Principal;
import io.clickstream.platform.http.ApiException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Registration, login, token refresh and the user's own account. */
public final class Accounts {
  private static final String USER_COLUMNS =
      "u.id, u.email, u.name, u.password_hash, u.created_at, o.id AS organisation_id, o.domain";

  private final Transactor db;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy = new PasswordPolicy();
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final LoginThrottle throttle;
  private final Clock clock;

  public Accounts(
      Transactor db,
      PasswordHasher hasher,
      AccessTokens accessTokens,
      Duration refreshTokenLifetime,
      Clock clock) {
    this.db = db;
    this.hasher = hasher;
    this.accessTokens = accessTokens;
    this.refreshTokens = new RefreshTokens(refreshTokenLifetime);
    this.throttle = new LoginThrottle(Duration.ofMinutes(15), clock);
    this.clock = clock;
  }

  /** A user row with its organisation. */
  private record StoredUser(
      UUID id,
      String email,
      String name,
      String passwordHash,
      Instant createdAt,
      UUID organisationId,
      String domain) {

    Principal principal() {
      return new Principal(id, organisationId, domain, email);
    }

    UserView view() {
      return new UserView(
          id.toString(),
          email,
          name,
          new UserView.Organisation(organisationId.toString(), domain),
          createdAt.toString());
    }

    static StoredUser of(ResultSet row) throws SQLException {
      return new StoredUser(
          Sql.uuid(row, "id"),
          row.getString("email"),
          row.getString("name"),
          row.getString("password_hash"),
          Sql.instant(row, "created_at"),
          Sql.uuid(row, "organisation_id"),
          row.getString("domain"));
    }
  }

  public UserView register(String emailInput, String password, String name) {
    EmailAddress email =
        EmailAddress.parse(emailInput)
            .orElseThrow(() -> ApiErrors.invalid("email", "is not a valid email address"));
    String problem = policy.problem(password, email);
    if (problem != null) {
      throw ApiErrors.invalid("password", problem);
    }
    // Hashing is the slow part: outside the transaction, so it holds no connection.
    String hash = hasher.hash(password);
    try {
      return db.inTransaction(
          c -> {
            UUID organisation = organisationOf(c, email.domain());
            UUID id =
                Sql.one(
                        c,
                        "INSERT INTO users (organisation_id, email, name, password_hash)"
                            + " VALUES (?, ?, ?, ?) RETURNING id",
                        row -> Sql.uuid(row, "id"),
                        organisation,
                        email.value(),
                        name,
                        hash)
                    .orElseThrow();
            return user(c, id).orElseThrow().view();
          });
    } catch (Transactor.DatabaseException e) {
      if (e.getCause() instanceof SQLException sql
          && SqlStates.isUniqueViolation(sql, "users_email")) {
        throw ApiErrors.conflict("email_taken", "An account with this email already exists.");
      }
      throw e;
    }
  }

  public TokenPair login(String emailInput, String password) {
    Optional<EmailAddress> email = EmailAddress.parse(emailInput);
    String throttleKey = email.map(EmailAddress::value).orElse("");
    long wait = throttle.retryAfterSeconds(throttleKey);
    if (wait > 0) {
      throw ApiErrors.tooManyRequests(
          "Too many failed logins for this address; try again later.", (int) wait);
    }
    Optional<StoredUser> user =
        email.isEmpty() ? Optional.empty() : db.read(c -> userByEmail(c, email.get().value()));
    boolean valid =
        user.isPresent()
            ? hasher.verify(password, user.get().passwordHash())
            : hasher.verifyAgainstNothing(password);
    if (!valid) {
      throttle.recordFailure(throttleKey);
      throw invalidCredentials();
    }
    throttle.recordSuccess(throttleKey);
    Principal principal = user.get().principal();
    String refresh =
        db.inTransaction(
            c -> {
              Instant now = clock.instant();
              refreshTokens.deleteExpired(c, principal.userId(), now);
              return refreshTokens.startFamily(c, principal.userId(), now);
            });
    return pair(principal, refresh);
  }

  private enum RefreshFailure {
    UNKNOWN,
    EXPIRED,
    REUSED
  }

  private record RefreshOutcome(Principal principal, String token, RefreshFailure failure) {}

  /**
   * The next token pair. A token used before means someone kept a copy: the whole family is revoked
   * (committed before the 401), so the thief's and the owner's sessions both end.
   */
  public TokenPair refresh(String token) {
    RefreshOutcome outcome =
        db.inTransaction(
            c -> {
              Instant now = clock.instant();
              Optional<RefreshTokens.Stored> stored = refreshTokens.findForUpdate(c, token);
              if (stored.isEmpty()) {
                return new RefreshOutcome(null, null, RefreshFailure.UNKNOWN);
              }
              if (stored.get().spent()) {
                refreshTokens.revokeFamily(c, stored.get().familyId(), now);
                return new RefreshOutcome(null, null, RefreshFailure.REUSED);
              }
              if (!stored.get().expiresAt().isAfter(now)) {
                return new RefreshOutcome(null, null, RefreshFailure.EXPIRED);
              }
              Optional<StoredUser> user = user(c, stored.get().userId());
              if (user.isEmpty()) {
                return new RefreshOutcome(null, null, RefreshFailure.UNKNOWN);
              }
              String next = refreshTokens.rotate(c, stored.get(), now);
              return new RefreshOutcome(user.get().principal(), next, null);
            });
    if (outcome.failure() != null) {
      throw switch (outcome.failure()) {
        case REUSED ->
            new ApiException(
                401,
                "refresh_token_reused",
                "This refresh token was already used; every session it started is now revoked."
                    + " Log in again.");
        case EXPIRED -> new ApiException(401, "refresh_token_expired", "Log in again.");
        case UNKNOWN -> new ApiException(401, "invalid_refresh_token", "Log in again.");
      };
    }
    return pair(outcome.principal(), outcome.token());
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
  public void logout(String token) {
    db.inTransaction(
        c -> {
          Optional<RefreshTokens.Stored> stored = refreshTokens.findForUpdate(c, token);
          if (stored.isPresent()) {
            refreshTokens.revokeFamily(c, stored.get().familyId(), clock.instant());
          }
          return null;
        });
  }

  public UserView me(Principal principal) {
    return db.read(c -> user(c, principal.userId()))
        .orElseThrow(() -> ApiErrors.notFound("User"))
        .view();
  }

  /**
   * Changes the name and/or the password. A new password needs the current one, and ends every
   * other session (all refresh tokens are revoked).
   */
  public UserView update(
      Principal principal, String name, String newPassword, String currentPassword) {
    String newHash = null;
    if (newPassword != null) {
      if (currentPassword == null) {
        throw ApiErrors.invalid("current_password", "is required to change the password");
      }
      StoredUser user =
          db.read(c -> user(c, principal.userId())).orElseThrow(() -> ApiErrors.notFound("User"));
      if (!hasher.verify(currentPassword, user.passwordHash())) {
        throw ApiErrors.invalid("current_password", "is incorrect");
      }
      String problem = policy.problem(newPassword, EmailAddress.parse(user.email()).orElse(null));
      if (problem != null) {
        throw ApiErrors.invalid("password", problem);
      }
      newHash = hasher.hash(newPassword);
    }
    String hash = newHash;
    return db.inTransaction(
        c -> {
          Instant now = clock.instant();
          Sql.update(
              c,
              "UPDATE users SET name = coalesce(?, name),"
                  + " password_hash = coalesce(?, password_hash), updated_at = ? WHERE id = ?",
              name,
              hash,
              now,
              principal.userId());
          if (hash != null) {
            refreshTokens.revokeAllOf(c, principal.userId(), now);
          }
          return user(c, principal.userId()).orElseThrow(() -> ApiErrors.notFound("User")).view();
        });
  }

  /** Deletes the account; refused while the user owns apps, since an app never loses its owner. */
  public void delete(Principal principal) {
    db.inTransaction(
        c -> {
          // Locks the user row first: an app created concurrently waits, then fails on the key.
          Sql.one(
              c, "SELECT id FROM users WHERE id = ? FOR UPDATE", row -> true, principal.userId());
          long owned =
              Sql.one(
                      c,
                      "SELECT count(*) FROM apps WHERE owner_id = ?",
                      row -> row.getLong(1),
                      principal.userId())
                  .orElse(0L);
          if (owned > 0) {
            throw ApiErrors.conflict(
                "owns_apps",
                "You own "
                    + owned
                    + " app(s): delete them first (ownership cannot be transferred yet).");
          }
          Sql.update(
              c,
              "DELETE FROM invitations WHERE email = ? AND status = 'pending'",
              principal.email());
          Sql.update(c, "DELETE FROM users WHERE id = ?", principal.userId());
          return null;
        });
  }

  private TokenPair pair(Principal principal, String refreshToken) {
    return new TokenPair(
        accessTokens.issue(principal), "Bearer", accessTokens.lifetime().toSeconds(), refreshToken);
  }

  private static ApiException invalidCredentials() {
    return new ApiException(401, "invalid_credentials", "The email or password is incorrect.");
  }

  private static UUID organisationOf(Connection c, String domain) throws SQLException {
    // ON CONFLICT DO UPDATE (a no-op change) returns the row whether it was inserted or existed.
    return Sql.one(
            c,
            "INSERT INTO organisations (domain) VALUES (?)"
                + " ON CONFLICT (domain) DO UPDATE SET domain = EXCLUDED.domain RETURNING id",
            row -> Sql.uuid(row, "id"),
            domain)
        .orElseThrow();
  }

  private static Optional<StoredUser> user(Connection c, UUID id) throws SQLException {
    return Sql.one(
        c,
        "SELECT "
            + USER_COLUMNS
            + " FROM users u"
            + " JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?",
        StoredUser::of,
        id);
  }

  private static Optional<StoredUser> userByEmail(Connection c, String email) throws SQLException {
    return Sql.one(
        c,
        "SELECT "
            + USER_COLUMNS
            + " FROM users u"
            + " JOIN organisations o ON o.id = u.organisation_id WHERE u.email = ?",
        StoredUser::of,
        email);
  }
}
