package io.clickstream.bench;

import io.clickstream.embedded.Infrastructure;
import io.clickstream.metadata.MetadataApiService;
import io.clickstream.metadata.MetadataApiSettings;
import io.clickstream.platform.config.DatabaseUrl;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.platform.time.Interval;
import io.clickstream.query.read.RedisReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.apache.datasketches.hll.HllSketch;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;

/**
 * Latency of the query API's two heaviest reads at a fixed arrival rate, next to Redis itself in
 * the same run on the same Redis:
 *
 * <ul>
 *   <li>{@code GET /overview} over the last 30 days (hour resolution at the edges: about 30 day and
 *       48 hour buckets, a counter hash and a visitor sketch each, unioned);
 *   <li>{@code GET /pages} over the default 7 days (100 of 50 paths: pageviews, time on page and a
 *       visitor sketch union per path);
 *   <li>references: {@code redis-benchmark} (PING and HGETALL-like GET, 1 client) when it is on the
 *       PATH, and always a Jedis PING and an HGETALL of one hour's totals at the same fixed rate
 *       through the same harness.
 * </ul>
 *
 * Seeds 30 days of hour and day buckets for one app: 50 paths, visitors from a pool of 20,000 ids.
 * Authenticated as a signed-in user (JWT), as the dashboard is. The query API runs in a JVM of its
 * own ({@link QueryApiChild}), as in production; the load generator, the embedded broker and the
 * metadata API share this one. All of them share the machine's cores.
 *
 * <p>{@code ./mvnw -q -pl bench exec:java -Dexec.mainClass=io.clickstream.bench.QueryApiBenchmark
 * -Dexec.args="20 500"} (seconds per phase, requests/s).
 */
public final class QueryApiBenchmark {
  private static final int PATHS = 50;
  private static final int VISITOR_POOL = 20_000;
  private static final int VISITORS_PER_HOUR = 300;

  /** The query API's JVM: the Dockerfile's, with the heap a 1 GiB container would give it. */
  private static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx768m");

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    Duration phase = Duration.ofSeconds(seconds);
    Duration warmUp = Duration.ofSeconds(Math.max(3, seconds / 4));
    byte[] jwtKey = "query-api-benchmark-jwt-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    try (Infrastructure services = BenchSupport.freshServices("query-api");
        MetadataApiService metadata =
            new MetadataApiService(
                    MetadataApiSettings.of(
                        "127.0.0.1",
                        0,
                        DatabaseUrl.parse(services.databaseUrl()),
                        services.kafkaBootstrapServers(),
                        jwtKey,
                        "query-api-benchmark-token-key-0123456789ab"
                            .getBytes(StandardCharsets.UTF_8)))
                .start();
        ChildJvm api =
            ChildJvm.start(
                QueryApiChild.class,
                CHILD_JVM_OPTIONS,
                List.of(
                    services.redisUrl(), services.databaseUrl(), services.kafkaBootstrapServers()),
                Map.of("CLICKSTREAM_JWT_KEY", new String(jwtKey, StandardCharsets.UTF_8)),
                Path.of("target", "bench", "query-api", "child.log").toAbsolutePath());
        JedisPooled redis = new JedisPooled(URI.create(services.redisUrl()))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      BenchHttp.Account account =
          BenchHttp.register(
              client,
              metadata.url(),
              "bench@query-bench.example",
              "correct horse battery staple",
              "Bench");
      String token = account.token();
      String app = account.appId();
      long seedStart = System.nanoTime();
      long now = System.currentTimeMillis();
      seed(redis, app, now);
      System.out.printf(
          "query API benchmark: %d s per phase at %d requests/s, %d cores; seeded 30 days in %.1f s,"
              + " Redis used %s%n",
          seconds,
          rate,
          Runtime.getRuntime().availableProcessors(),
          (System.nanoTime() - seedStart) / 1e9,
          redis
              .info("memory")
              .lines()
              .filter(l -> l.startsWith("used_memory_human"))
              .findFirst()
              .orElse("?"));

      String from30 =
          Instant.ofEpochMilli(now).minus(Duration.ofDays(30)).plusSeconds(60).toString();
      String overviewPath = "/v1/apps/" + app + "/overview?from=" + from30;
      String pagesPath = "/v1/apps/" + app + "/pages";
      String overviewUrl = api.url() + overviewPath;
      String pagesUrl = api.url() + pagesPath;
      System.out.println(
          "overview: " + BenchHttp.send(client, BenchHttp.get(overviewUrl, token), 200));
      String pages = BenchHttp.send(client, BenchHttp.get(pagesUrl, token), 200);
      System.out.println("pages: " + pages.substring(0, Math.min(160, pages.length())) + "…");

      // Every phase waits for its answers the same way: 32 threads blocked on their sockets.
      KeepAliveGets gets = new KeepAliveGets(api.url(), 32);
      ExecutorService blocking = Executors.newFixedThreadPool(32);
      IntFunction<CompletableFuture<?>> overview = i -> gets.get(overviewPath, token, 200);
      IntFunction<CompletableFuture<?>> pagesOp = i -> gets.get(pagesPath, token, 200);
      String hourTotals =
          RedisKeys.totals(app, Interval.HOUR, Interval.HOUR.bucketStart(now - 3_600_000));
      IntFunction<CompletableFuture<?>> ping =
          i -> CompletableFuture.runAsync(redis::ping, blocking);
      IntFunction<CompletableFuture<?>> hgetall =
          i -> CompletableFuture.runAsync(() -> redis.hgetAll(hourTotals), blocking);

      List<String> redisBenchmark = redisBenchmark(services.redisUrl());
      FixedRateLoad.run("warm-up overview", rate, warmUp, overview);
      Map<Double, Long> before = ServerLatency.scrape(client, api.url(), "/overview");
      FixedRateLoad.Result overviewResult =
          FixedRateLoad.run("GET /overview (30 days)", rate, phase, overview);
      String overviewServer =
          ServerLatency.between(before, ServerLatency.scrape(client, api.url(), "/overview"));
      System.out.println("  " + overviewServer);
      FixedRateLoad.run("warm-up pages", rate, warmUp, pagesOp);
      before = ServerLatency.scrape(client, api.url(), "/pages");
      FixedRateLoad.Result pagesResult =
          FixedRateLoad.run("GET /pages (7 days)", rate, phase, pagesOp);
      String pagesServer =
          ServerLatency.between(before, ServerLatency.scrape(client, api.url(), "/pages"));
      System.out.println("  " + pagesServer);
      FixedRateLoad.run("warm-up redis", rate, warmUp, ping);
      FixedRateLoad.Result pingResult =
          FixedRateLoad.run("reference: Jedis PING", rate, phase, ping);
      FixedRateLoad.Result hgetallResult =
          FixedRateLoad.run("reference: Jedis HGETALL (one hour's totals)", rate, phase, hgetall);

      FixedRateLoad.printTable(List.of(overviewResult, pagesResult, pingResult, hgetallResult));
      System.out.println("/overview " + overviewServer);
      System.out.println("/pages " + pagesServer);
      if (redisBenchmark.isEmpty()) {
        System.out.println("redis-benchmark: not on the PATH (apt-get install redis-tools)");
      } else {
        System.out.println("redis-benchmark -q -n 20000 -c 1 -t ping,get,lrange_100 (same Redis):");
        redisBenchmark.forEach(line -> System.out.println("  " + line));
      }
      blocking.shutdownNow();
      gets.close();
    }
  }

  /** 30 days of hour and day buckets, as the topology would have mirrored them. */
  private static void seed(JedisPooled redis, String app, long now) {
    Random random = new Random(42);
    long firstHour = Interval.HOUR.bucketStart(now) - 31L * 24 * 3_600_000;
    Map<Long, HllSketch> dayVisitors = new HashMap<>();
    Map<String, HllSketch> dayPageVisitors = new HashMap<>();
    Map<Long, Map<String, Long>> dayTotals = new HashMap<>();
    for (long hour = firstHour; hour <= now; hour += 3_600_000) {
      long day = Interval.DAY.bucketStart(hour);
      HllSketch visitors = RedisReader.newSketch();
      Map<String, HllSketch> pageVisitors = new HashMap<>();
      Map<String, String> pageviews = new HashMap<>();
      Map<String, String> timeMs = new HashMap<>();
      Map<String, String> timeN = new HashMap<>();
      long hourPageviews = 0;
      for (int v = 0; v < VISITORS_PER_HOUR; v++) {
        String visitor = "v" + random.nextInt(VISITOR_POOL);
        visitors.update(visitor);
        dayVisitors.computeIfAbsent(day, d -> RedisReader.newSketch()).update(visitor);
        String path = "/p" + Math.min(PATHS - 1, (int) Math.abs(random.nextGaussian() * 12));
        pageVisitors.computeIfAbsent(path, p -> RedisReader.newSketch()).update(visitor);
        dayPageVisitors.computeIfAbsent(day + path, p -> RedisReader.newSketch()).update(visitor);
        pageviews.merge(path, "1", (a, b) -> String.valueOf(Long.parseLong(a) + 1));
        timeMs.merge(path, "30000", (a, b) -> String.valueOf(Long.parseLong(a) + 30000));
        timeN.merge(path, "1", (a, b) -> String.valueOf(Long.parseLong(a) + 1));
        hourPageviews++;
      }
      Map<String, String> totals =
          Map.of(
              RedisKeys.PAGEVIEWS, String.valueOf(hourPageviews),
              RedisKeys.EVENTS, String.valueOf(hourPageviews * 3),
              RedisKeys.SESSIONS, String.valueOf(VISITORS_PER_HOUR / 2),
              RedisKeys.BOUNCES, String.valueOf(VISITORS_PER_HOUR / 5),
              RedisKeys.DURATION_MS, String.valueOf(VISITORS_PER_HOUR * 60_000L));
      totals.forEach(
          (field, value) ->
              dayTotals
                  .computeIfAbsent(day, d -> new HashMap<>())
                  .merge(field, Long.parseLong(value), Long::sum));
      try (Pipeline pipeline = redis.pipelined()) {
        pipeline.hset(RedisKeys.totals(app, Interval.HOUR, hour), totals);
        pipeline.hset(RedisKeys.pagePageviews(app, Interval.HOUR, hour), pageviews);
        pipeline.hset(RedisKeys.pageTimeMs(app, Interval.HOUR, hour), timeMs);
        pipeline.hset(RedisKeys.pageTimeCount(app, Interval.HOUR, hour), timeN);
        pipeline.hset(
            bytes(RedisKeys.sketches(app, Interval.HOUR, hour)),
            bytes(RedisKeys.VISITORS),
            visitors.toCompactByteArray());
        byte[] pageKey = bytes(RedisKeys.pageSketches(app, Interval.HOUR, hour));
        pageVisitors.forEach(
            (path, sketch) -> pipeline.hset(pageKey, bytes(path), sketch.toCompactByteArray()));
        pipeline.sync();
      }
    }
    try (Pipeline pipeline = redis.pipelined()) {
      dayTotals.forEach(
          (day, totals) -> {
            Map<String, String> values = new HashMap<>();
            totals.forEach((field, value) -> values.put(field, String.valueOf(value)));
            pipeline.hset(RedisKeys.totals(app, Interval.DAY, day), values);
          });
      dayVisitors.forEach(
          (day, sketch) ->
              pipeline.hset(
                  bytes(RedisKeys.sketches(app, Interval.DAY, day)),
                  bytes(RedisKeys.VISITORS),
                  sketch.toCompactByteArray()));
      dayPageVisitors.forEach(
          (dayAndPath, sketch) -> {
            long day = Long.parseLong(dayAndPath.substring(0, dayAndPath.indexOf('/')));
            String path = dayAndPath.substring(dayAndPath.indexOf('/'));
            pipeline.hset(
                bytes(RedisKeys.pageSketches(app, Interval.DAY, day)),
                bytes(path),
                sketch.toCompactByteArray());
          });
      pipeline.sync();
    }
    // Day buckets of the page counters: sums of their hours.
    for (long day : dayTotals.keySet()) {
      for (java.util.function.BiFunction<Interval, Long, String> key :
          List.<java.util.function.BiFunction<Interval, Long, String>>of(
              (i, b) -> RedisKeys.pagePageviews(app, i, b),
              (i, b) -> RedisKeys.pageTimeMs(app, i, b),
              (i, b) -> RedisKeys.pageTimeCount(app, i, b))) {
        Map<String, Long> sums = new HashMap<>();
        for (long hour = day; hour < day + 86_400_000L; hour += 3_600_000) {
          redis
              .hgetAll(key.apply(Interval.HOUR, hour))
              .forEach((f, v) -> sums.merge(f, Long.parseLong(v), Long::sum));
        }
        if (!sums.isEmpty()) {
          Map<String, String> values = new HashMap<>();
          sums.forEach((f, v) -> values.put(f, String.valueOf(v)));
          redis.hset(key.apply(Interval.DAY, day), values);
        }
      }
    }
  }

  /** redis-benchmark's own figures against the same Redis, when it is installed. */
  private static List<String> redisBenchmark(String redisUrl) throws Exception {
    Path binary = null;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "redis-benchmark");
      if (Files.isExecutable(candidate)) {
        binary = candidate;
        break;
      }
    }
    if (binary == null) {
      return List.of();
    }
    URI uri = URI.create(redisUrl);
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "-h",
                uri.getHost(),
                "-p",
                String.valueOf(uri.getPort()),
                "-q",
                "-n",
                "20000",
                "-c",
                "1",
                "-t",
                "ping,get,lrange_100")
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      out.lines()
          .flatMap(line -> java.util.Arrays.stream(line.split("\r")))
          .filter(line -> line.contains("requests per second"))
          .forEach(lines::add);
    }
    process.waitFor();
    return lines;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
