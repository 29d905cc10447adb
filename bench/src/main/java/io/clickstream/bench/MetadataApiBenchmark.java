package io.clickstream.bench;

import io.clickstream.embedded.Infrastructure;
import io.clickstream.metadata.MetadataApiService;
import io.clickstream.metadata.MetadataApiSettings;
import io.clickstream.metadata.accounts.PasswordHasher;
import io.clickstream.platform.config.DatabaseUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * Latency of the metadata API's two hot paths at a fixed arrival rate, each next to a reference
 * measured in the same run on the same machine:
 *
 * <ul>
 *   <li>{@code POST /v1/auth/login} against an Argon2id verification alone (same parameters, in
 *       process): what HTTP, the user lookup, the refresh-token insert and JWT signing add;
 *   <li>{@code GET /v1/apps/{id}} against the raw JDBC {@code SELECT} of the app row: what HTTP,
 *       JWT verification, the user check and the authorization query add.
 * </ul>
 *
 * Open loop: requests start on schedule whether or not earlier ones finished, and latency counts
 * from the scheduled start, so a stall shows in the percentiles instead of hiding (no coordinated
 * omission).
 *
 * <p>{@code ./mvnw -q -o -DskipTests -Dspotless.check.skip install -pl model,platform,embedded,
 * metadata-api && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=io.clickstream.bench.MetadataApiBenchmark} (arguments: seconds per phase,
 * logins/s, reads/s; defaults 20 20 200).
 */
public final class MetadataApiBenchmark {
  private static final String PASSWORD = "correct horse battery staple";
  private static final int USERS = 50;

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int loginRate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int readRate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Duration phase = Duration.ofSeconds(seconds);
    Duration warmUp = Duration.ofSeconds(Math.max(3, seconds / 4));

    try (Infrastructure services = BenchSupport.freshServices("metadata-api");
        MetadataApiService api =
            new MetadataApiService(
                    MetadataApiSettings.of(
                        "127.0.0.1",
                        0,
                        DatabaseUrl.parse(services.databaseUrl()),
                        services.kafkaBootstrapServers(),
                        randomKey(),
                        randomKey()))
                .start()) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String domain = "bench-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
      List<String> emails = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      List<String> apps = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        String email = "user" + i + "@" + domain;
        BenchHttp.Account account =
            BenchHttp.register(client, api.url(), email, PASSWORD, "User " + i);
        emails.add(email);
        tokens.add(account.token());
        apps.add(account.appId());
      }

      ExecutorService senders = Executors.newFixedThreadPool(32);
      IntFunction<CompletableFuture<?>> login =
          i ->
              BenchHttp.sendAsync(
                  client,
                  BenchHttp.post(
                      api.url() + "/v1/auth/login",
                      null,
                      Map.of("email", emails.get(i % USERS), "password", PASSWORD)),
                  200,
                  senders);
      IntFunction<CompletableFuture<?>> read =
          i ->
              BenchHttp.sendAsync(
                  client,
                  HttpRequest.newBuilder(URI.create(api.url() + "/v1/apps/" + apps.get(i % USERS)))
                      .header("Authorization", "Bearer " + tokens.get(i % USERS))
                      .GET()
                      .build(),
                  200,
                  senders);

      PasswordHasher hasher = new PasswordHasher(PasswordHasher.Parameters.OWASP, 2);
      String hash = hasher.hash(PASSWORD);
      ExecutorService blocking = Executors.newFixedThreadPool(16);
      IntFunction<CompletableFuture<?>> argon2 =
          i -> CompletableFuture.runAsync(() -> hasher.verify(PASSWORD, hash), blocking);

      DatabaseUrl db = DatabaseUrl.parse(services.databaseUrl());
      ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> prepare(db));
      IntFunction<CompletableFuture<?>> select =
          i ->
              CompletableFuture.runAsync(
                  () -> selectApp(statements.get(), apps.get(i % USERS)), blocking);

      System.out.printf(
          "metadata API benchmark: %d s per phase at fixed rates, %d users, %d cores%n",
          seconds, USERS, Runtime.getRuntime().availableProcessors());
      FixedRateLoad.run("warm-up login", loginRate, warmUp, login);
      FixedRateLoad.run("warm-up argon2", loginRate, warmUp, argon2);
      FixedRateLoad.Result loginResult =
          FixedRateLoad.run("POST /v1/auth/login", loginRate, phase, login);
      FixedRateLoad.Result argon2Result =
          FixedRateLoad.run("reference: Argon2id verify", loginRate, phase, argon2);
      FixedRateLoad.run("warm-up read", readRate, warmUp, read);
      FixedRateLoad.run("warm-up select", readRate, warmUp, select);
      FixedRateLoad.Result readResult =
          FixedRateLoad.run("GET /v1/apps/{id}", readRate, phase, read);
      FixedRateLoad.Result selectResult =
          FixedRateLoad.run("reference: JDBC SELECT app", readRate, phase, select);

      FixedRateLoad.printTable(List.of(loginResult, argon2Result, readResult, selectResult));
      System.out.printf(
          "login p50 = %.1f × Argon2id verify; read p50 = %.1f × JDBC SELECT%n",
          loginResult.p50Ms() / argon2Result.p50Ms(), readResult.p50Ms() / selectResult.p50Ms());
      blocking.shutdownNow();
      senders.shutdownNow();
    }
  }

  private static PreparedStatement prepare(DatabaseUrl db) {
    try {
      Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
      return connection.prepareStatement(
          "SELECT id, organisation_id, owner_id, name, url, description, is_public, rate_limit_eps,"
              + " max_connections, session_timeout_min, locked, version, created_at, updated_at"
              + " FROM apps WHERE id = ?");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void selectApp(PreparedStatement statement, String appId) {
    try {
      statement.setObject(1, UUID.fromString(appId));
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("no app " + appId);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.UTF_8);
  }
}
