package io.clickstream.bench;

import io.clickstream.collector.CollectorService;
import io.clickstream.collector.CollectorSettings;
import io.clickstream.embedded.Infrastructure;
import io.clickstream.model.Json;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.platform.auth.AppTokens;
import io.clickstream.platform.kafka.Topics;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * The collector's throughput: (a) {@code POST /v1/events} batches of 50 pageviews from N keep-alive
 * connections against an in-process collector, next to Kafka's ProducerPerformance with the
 * collector's producer settings and stored record size on the same broker in the same run; (b) how
 * many WebSockets one collector JVM ({@code -Xmx512m}, a child process) holds, its heap with them
 * open, and events/s acknowledged through a sample of them.
 *
 * <p>{@code ./mvnw -q -pl bench -am -DskipTests install && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=io.clickstream.bench.CollectorBenchmark -Dexec.args="20 64 15000 20"} (args:
 * HTTP seconds, HTTP connections, WebSockets, WebSocket traffic seconds)
 */
public final class CollectorBenchmark {
  private static final byte[] KEY =
      "bench-collector-key-32-bytes-long!!".getBytes(StandardCharsets.UTF_8);
  private static final String APP = "bench-app";
  private static final String PERF_TOPIC = "bench.producer-perf";
  private static final String PERF_TOPIC_RANDOM = "bench.producer-perf-random";
  private static final int BATCH = 50;
  private static final int WARM_UP_SECONDS = 5;
  private static final int RAMP_THREADS = 48;
  static final String USER_AGENT =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/124.0.0.0 Safari/537.36";
  private static final String[] PAGES = {
    "https://shop.example.com/category/shoes/running/trail-runner-gtx-12345"
        + "?utm_source=newsletter&utm_medium=email&utm_campaign=spring-sale",
    "https://shop.example.com/product/ultralight-rain-jacket-men-navy-9876?color=navy&size=L",
    "https://shop.example.com/search?q=merino+wool+socks&sort=price_asc&page=2",
    "https://shop.example.com/blog/how-to-choose-hiking-boots-for-wet-weather#fit",
    "https://shop.example.com/cart?step=shipping&coupon=WELCOME10",
  };
  private static final String[] REFERRERS = {
    "https://www.google.com/search?q=trail+running+shoes+waterproof",
    "https://www.facebook.com/",
    "https://news.ycombinator.com/item?id=41234567",
    "",
  };
  private static final String[] TITLES = {
    "Trail Runner GTX – Men's Waterproof Running Shoes | Example Shop",
    "Ultralight Rain Jacket – Navy | Example Shop",
    "Search results for merino wool socks | Example Shop",
    "How to choose hiking boots for wet weather – Example Shop Blog",
  };

  private CollectorBenchmark() {}

  /** One row of the figures table. */
  record Row(String what, String figure, String load) {}

  public static void main(String[] args) throws Exception {
    int httpSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int sockets = args.length > 2 ? Integer.parseInt(args[2]) : 15_000;
    int wsSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    List<Row> rows = new ArrayList<>();
    try (Infrastructure services = BenchSupport.freshServices("collector");
        Admin admin =
            Admin.create(
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    services.kafkaBootstrapServers()))) {
      String bootstrap = services.kafkaBootstrapServers();
      publishApp(bootstrap);
      String token = new AppTokens(KEY).issue(APP, "tok-bench", Instant.now());
      int partitions = BenchSupport.eventPartitions(admin);
      System.out.printf(
          "%s has %d partitions; load average %s%n", Topics.EVENTS, partitions, load());

      // (a) HTTP ingest, in process.
      HttpFigures http;
      try (CollectorService collector =
          new CollectorService(
                  new CollectorSettings("127.0.0.1", 0, bootstrap, KEY, "bench-salt", Map.of()),
                  Clock.systemUTC())
              .start()) {
        awaitAccepted(collector.port(), token);
        http = driveHttp(collector.port(), token, connections, httpSeconds);
      }
      String httpLoad = load();
      System.out.printf("HTTP: %s; load average %s%n", http, httpLoad);

      Path payloads = Path.of("target", "bench", "collector", "payloads.txt").toAbsolutePath();
      int[] stored = sampleStoredRecords(bootstrap, payloads, 10_000);
      int recordSize = stored[0];
      System.out.printf(
          "stored records: %d bytes value + %d bytes key on average (%d sampled)%n",
          stored[0], stored[1], stored[2]);

      long perfRecords = Math.max(500_000, Math.min(3_000_000, (long) (http.eventsPerSecond * 10)));
      createTopic(admin, PERF_TOPIC, partitions);
      createTopic(admin, PERF_TOPIC_RANDOM, partitions);
      PerfFigures perf =
          producerPerformance(
              bootstrap, PERF_TOPIC, perfRecords, "--payload-file", payloads.toString());
      String perfLoad = load();
      System.out.printf("ProducerPerformance (payload file): %s; load %s%n", perf, perfLoad);
      PerfFigures perfRandom =
          producerPerformance(
              bootstrap,
              PERF_TOPIC_RANDOM,
              perfRecords,
              "--record-size",
              Integer.toString(recordSize));
      String perfRandomLoad = load();
      System.out.printf(
          "ProducerPerformance (random payload): %s; load %s%n", perfRandom, perfRandomLoad);

      rows.add(
          new Row(
              "HTTP POST /v1/events, " + connections + " keep-alive connections, batches of 50",
              String.format(
                  "%,.0f events/s (%,.0f requests/s), p50 %.1f ms, p99 %.1f ms, %d errors;"
                      + " client used %.2f cores",
                  http.eventsPerSecond,
                  http.requestsPerSecond,
                  http.p50Ms,
                  http.p99Ms,
                  http.errors,
                  http.clientCores),
              httpLoad));
      rows.add(
          new Row(
              "stored record (clickstream.events value)",
              String.format("%d bytes (key %d bytes)", stored[0], stored[1]),
              ""));
      rows.add(
          new Row(
              "ProducerPerformance, collector's settings, the collector's stored records as payloads",
              String.format(
                  "%,.0f records/s, p50 %s ms, p99 %s ms (%,d records)",
                  perf.recordsPerSecond, perf.p50, perf.p99, perfRecords),
              perfLoad));
      rows.add(
          new Row(
              "ProducerPerformance, collector's settings, random " + recordSize + "-byte records",
              String.format(
                  "%,.0f records/s, p50 %s ms, p99 %s ms (%,d records)",
                  perfRandom.recordsPerSecond, perfRandom.p50, perfRandom.p99, perfRecords),
              perfRandomLoad));
      rows.add(
          new Row(
              "ratio collector / ProducerPerformance (stored payloads)",
              String.format("%.2f (goal ≥ 0.5)", http.eventsPerSecond / perf.recordsPerSecond),
              ""));
      rows.add(
          new Row(
              "ratio collector / ProducerPerformance (random payloads)",
              String.format(
                  "%.2f (goal ≥ 0.5)", http.eventsPerSecond / perfRandom.recordsPerSecond),
              ""));
      printTable(rows);

      // (b) WebSockets against a collector in its own JVM.
      if (sockets > 0) {
        webSockets(bootstrap, token, sockets, wsSeconds, rows);
      }
    }
    printTable(rows);
    System.exit(0);
  }

  private static void printTable(List<Row> rows) {
    System.out.println();
    System.out.println("| what | figure | load average after |");
    System.out.println("|---|---|---|");
    for (Row row : rows) {
      System.out.printf("| %s | %s | %s |%n", row.what(), row.figure(), row.load());
    }
    System.out.println();
  }

  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static void publishApp(String bootstrap) throws Exception {
    AppConfig app =
        new AppConfig(
            APP, "org-bench", "Bench app", null, false, new AppSettings(10_000_000, 20_000, 30), 1);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(new ProducerRecord<>(Topics.CONFIG_APPS, ConfigKeys.app(APP), Json.toBytes(app)))
          .get();
    }
  }

  /** Until an empty batch with the token answers 202: the collector has read the app. */
  private static void awaitAccepted(int port, String token) throws Exception {
    byte[] empty = Json.toBytes(Map.of("token", token, "visitor_id", "probe", "events", List.of()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String last = "";
    while (System.nanoTime() < deadline) {
      try (RawHttp http = new RawHttp(port)) {
        RawHttp.Response response = http.post("/v1/events", empty);
        if (response.status() == 202) {
          return;
        }
        last = response.status() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The collector never accepted the token: " + last);
  }

  // ---------------------------------------------------------------- (a) HTTP

  record HttpFigures(
      double eventsPerSecond,
      double requestsPerSecond,
      double p50Ms,
      double p99Ms,
      long errors,
      String firstError,
      double clientCores) {}

  static String pageview(int i) {
    return String.format(
        "{\"type\":\"pageview\",\"url\":\"%s\",\"referrer\":\"%s\",\"title\":\"%s\"}",
        PAGES[i % PAGES.length], REFERRERS[i % REFERRERS.length], TITLES[i % TITLES.length]);
  }

  private static byte[] batchBody(String token, String visitorId, String sessionId, int seed) {
    StringBuilder body = new StringBuilder();
    body.append("{\"token\":\"")
        .append(token)
        .append("\",\"visitor_id\":\"")
        .append(visitorId)
        .append("\",\"session_id\":\"")
        .append(sessionId)
        .append("\",\"events\":[");
    for (int i = 0; i < BATCH; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append(pageview(seed + i));
    }
    return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static HttpFigures driveHttp(int port, String token, int connections, int seconds)
      throws Exception {
    System.out.printf(
        "one event is %d bytes as sent; a batch of %d is %d bytes%n",
        pageview(0).length(), BATCH, batchBody(token, "v", "s", 0).length);
    long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
    long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong events = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong clientCpuNanos = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int id = c;
      Thread worker =
          new Thread(
              () -> {
                byte[][] bodies = new byte[8][];
                for (int b = 0; b < bodies.length; b++) {
                  bodies[b] =
                      batchBody(
                          token,
                          "visitor-" + id + "-" + b,
                          java.util.UUID.randomUUID().toString(),
                          b);
                }
                long[] own = new long[1 << 16];
                int count = 0;
                long cpuAtStart = -1;
                try (RawHttp http = new RawHttp(port)) {
                  for (long n = 0; ; n++) {
                    long start = System.nanoTime();
                    if (start >= measureTo) {
                      break;
                    }
                    if (cpuAtStart < 0 && start >= measureFrom) {
                      cpuAtStart = threads.getCurrentThreadCpuTime();
                    }
                    RawHttp.Response response;
                    try {
                      response = http.post("/v1/events", bodies[(int) (n % bodies.length)]);
                    } catch (IOException e) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, e.toString());
                      http.reconnect();
                      continue;
                    }
                    long end = System.nanoTime();
                    if (start < measureFrom || end > measureTo) {
                      continue;
                    }
                    if (response.status() != 202) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(null, response.status() + " " + response.body());
                      continue;
                    }
                    events.addAndGet(accepted(response.body()));
                    requests.incrementAndGet();
                    if (count == own.length) {
                      own = Arrays.copyOf(own, count * 2);
                    }
                    own[count++] = end - start;
                  }
                  if (cpuAtStart >= 0) {
                    clientCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuAtStart);
                  }
                } catch (IOException e) {
                  firstError.compareAndSet(null, e.toString());
                }
                latencies.add(Arrays.copyOf(own, count));
              },
              "http-client-" + c);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double window = seconds;
    return new HttpFigures(
        events.get() / window,
        requests.get() / window,
        percentile(all, 0.50) / 1e6,
        percentile(all, 0.99) / 1e6,
        errors.get(),
        firstError.get(),
        clientCpuNanos.get() / 1e9 / window);
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static int accepted(String body) {
    int at = body.indexOf("\"accepted\":");
    if (at < 0) {
      return 0;
    }
    int i = at + 11;
    int end = i;
    while (end < body.length() && Character.isDigit(body.charAt(end))) {
      end++;
    }
    return Integer.parseInt(body.substring(i, end));
  }

  // ------------------------------------------------------- ProducerPerformance

  /** Average value and key size of the collector's records, and the values written one a line. */
  private static int[] sampleStoredRecords(String bootstrap, Path file, int max) throws Exception {
    Files.createDirectories(file.getParent());
    long valueBytes = 0;
    long keyBytes = 0;
    int count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(
                Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                    5000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.EVENTS).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (count < max && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (count >= max) {
            break;
          }
          valueBytes += record.value().length;
          keyBytes += record.key() == null ? 0 : record.key().length;
          out.write(record.value());
          out.write('\n');
          count++;
        }
      }
    }
    return new int[] {(int) (valueBytes / count), (int) (keyBytes / count), count};
  }

  private static void createTopic(Admin admin, String topic, int partitions) throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    // KAFKA-15591: wait until every partition has a leader that answers.
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        admin.listOffsets(latest).all().get();
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  record PerfFigures(double recordsPerSecond, String p50, String p99, String line) {}

  private static final Pattern PERF_RATE = Pattern.compile("([\\d.]+) records/sec");
  private static final Pattern PERF_P50 = Pattern.compile("([\\d.]+) ms 50th");
  private static final Pattern PERF_P99 = Pattern.compile("([\\d.]+) ms 99th");

  private static PerfFigures producerPerformance(
      String bootstrap, String topic, long records, String payloadOption, String payloadValue)
      throws Exception {
    List<String> output =
        BenchSupport.runTool(
            ProducerPerformance::main,
            "--topic",
            topic,
            "--num-records",
            Long.toString(records),
            payloadOption,
            payloadValue,
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + bootstrap,
            "acks=all",
            "enable.idempotence=true",
            "compression.type=lz4",
            "linger.ms=10",
            "batch.size=" + 256 * 1024,
            "buffer.memory=" + 64L * 1024 * 1024,
            "max.block.ms=5000",
            "request.timeout.ms=10000",
            "delivery.timeout.ms=20000");
    String summary =
        output.stream()
            .filter(l -> l.contains("99.9th"))
            .reduce((a, b) -> b)
            .orElseThrow(
                () -> new IllegalStateException("No summary from ProducerPerformance: " + output));
    return new PerfFigures(
        Double.parseDouble(group(PERF_RATE, summary)),
        group(PERF_P50, summary),
        group(PERF_P99, summary),
        summary.trim());
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : "?";
  }

  // ---------------------------------------------------------- (b) WebSockets

  private static void webSockets(
      String bootstrap, String token, int target, int seconds, List<Row> rows) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path log = Path.of("target", "bench", "collector", "child.log").toAbsolutePath();
    ChildJvm child =
        ChildJvm.start(
            CollectorChild.class,
            List.of("-Xmx512m"),
            List.of(bootstrap, Integer.toString(port)),
            Map.of("CLICKSTREAM_TOKEN_KEY", new String(KEY, StandardCharsets.UTF_8)),
            log);
    try {
      awaitAccepted(port, token);
      System.out.printf("child collector pid %d on port %d%n", child.pid(), port);
      webSocketPhase(child, port, token, target, seconds, rows);
    } finally {
      child.close(); // SIGTERM: the collector drains its sockets and flushes its producer
      System.out.printf("child collector exited with %d%n", child.exitValue());
    }
  }

  private static void webSocketPhase(
      ChildJvm child, int port, String token, int target, int seconds, List<Row> rows)
      throws Exception {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    byte[] hello =
        Json.toBytes(
            Map.of(
                "token",
                token,
                "url",
                PAGES[0],
                "referrer",
                REFERRERS[0],
                "screen",
                Map.of("w", 1920, "h", 1080),
                "language",
                "en-US",
                "tz",
                "Europe/Berlin"));
    try (CollectorWebSockets client = new CollectorWebSockets()) {
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      AtomicReference<String> firstFailure = new AtomicReference<>();
      int rampThreads = RAMP_THREADS;
      ExecutorService ramp =
          Executors.newFixedThreadPool(
              rampThreads,
              r -> {
                Thread t = new Thread(r, "ws-ramp");
                t.setDaemon(true);
                return t;
              });
      long rampStart = System.nanoTime();
      for (int t = 0; t < rampThreads; t++) {
        ramp.execute(
            () -> {
              RawHttp http = null;
              while (failures.get() < 50 && next.getAndIncrement() < target) {
                try {
                  if (http == null) {
                    http = new RawHttp(port);
                  }
                  RawHttp.Response answer = http.post("/v1/hello", hello);
                  if (answer.status() != 200) {
                    throw new IOException(
                        "hello answered " + answer.status() + " " + answer.body());
                  }
                  URI wsUrl = URI.create(Json.readTree(answer.body()).get("ws_url").textValue());
                  client.connect(
                      address, wsUrl.getRawPath() + "?" + wsUrl.getRawQuery(), USER_AGENT);
                } catch (IOException | RuntimeException e) {
                  failures.incrementAndGet();
                  firstFailure.compareAndSet(null, e.toString());
                  if (http != null) {
                    try {
                      http.close();
                    } catch (IOException ignored) {
                      // reconnect below
                    }
                    http = null;
                  }
                }
              }
              if (http != null) {
                try {
                  http.close();
                } catch (IOException ignored) {
                  // done
                }
              }
            });
      }
      ramp.shutdown();
      int lastOpen = -1;
      long lastProgress = System.nanoTime();
      while (!ramp.awaitTermination(1, TimeUnit.SECONDS)) {
        int open = client.open.get();
        System.out.printf(
            "  ramp: %,d open, %d failed, child fds %d, load %s%n",
            open, failures.get(), fds(child.pid()), load());
        if (open != lastOpen) {
          lastOpen = open;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(20)) {
          firstFailure.compareAndSet(null, "ramp stalled for 20 s at " + open + " sockets");
          failures.set(Integer.MAX_VALUE);
          break;
        }
      }
      double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
      Thread.sleep(1000); // the last registrations
      int reached = client.open.get() + client.closedByServer.get();
      System.out.printf(
          "ramp done: %,d opened in %.1f s (%,.0f/s), %d failed (first: %s); holding 15 s%n",
          reached, rampSeconds, reached / rampSeconds, failures.get(), firstFailure.get());
      Thread.sleep(15_000);
      int held = client.open.get();
      String holdLoad = load();
      long childFds = fds(child.pid());
      long ownFds = fds(ProcessHandle.current().pid());
      String heap = heapAfterGc(child.pid(), port);
      System.out.printf(
          "held: %,d open, %d closed by the collector (first: %s), %d pings answered;"
              + " child fds %d, bench fds %d; child heap after GC: %s; load %s%n",
          held,
          client.closedByServer.get(),
          client.firstClose.get(),
          client.pings.get(),
          childFds,
          ownFds,
          heap,
          holdLoad);

      // Traffic through a sample.
      List<CollectorWebSockets.Conn> open = client.openConnections();
      Collections.shuffle(open);
      int sampleSize = Math.min(open.size(), 1000);
      StringBuilder frame = new StringBuilder("{\"events\":[");
      for (int i = 0; i < 10; i++) {
        frame.append(i > 0 ? "," : "").append(pageview(i));
      }
      byte[] payload = frame.append("]}").toString().getBytes(StandardCharsets.UTF_8);
      client.startTraffic(open.subList(0, sampleSize), payload, 10);
      Thread.sleep(TimeUnit.SECONDS.toMillis(WARM_UP_SECONDS));
      long events0 = client.ackedEvents.get();
      long frames0 = client.ackedFrames.get();
      long t0 = System.nanoTime();
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      long events1 = client.ackedEvents.get();
      long frames1 = client.ackedFrames.get();
      double elapsed = (System.nanoTime() - t0) / 1e9;
      client.stopTraffic();
      String trafficLoad = load();
      Thread.sleep(2000);
      int afterTraffic = client.open.get();
      double eventsPerSecond = (events1 - events0) / elapsed;
      System.out.printf(
          "traffic: %,.0f events/s acked (%,.0f frames/s) through %d sockets, %d error replies"
              + " (first: %s); %,d still open; load %s%n",
          eventsPerSecond,
          (frames1 - frames0) / elapsed,
          sampleSize,
          client.errorReplies.get(),
          client.firstErrorReply.get(),
          afterTraffic,
          trafficLoad);

      rows.add(
          new Row(
              "WebSockets opened (hello + upgrade, "
                  + RAMP_THREADS
                  + " threads) of "
                  + String.format("%,d", target),
              String.format(
                  "%,d in %.1f s (%,.0f/s), %d failed%s",
                  reached,
                  rampSeconds,
                  reached / rampSeconds,
                  failures.get() == Integer.MAX_VALUE ? 0 : failures.get(),
                  firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")"),
              ""));
      rows.add(
          new Row(
              "WebSockets still open after a 15 s hold (collector -Xmx512m, own JVM)",
              String.format(
                  "%,d (%d closed by the collector%s); collector fds %d, bench fds %d",
                  held,
                  client.closedByServer.get(),
                  client.firstClose.get() == null ? "" : ", first: " + client.firstClose.get(),
                  childFds,
                  ownFds),
              holdLoad));
      rows.add(new Row("collector heap used after GC with them open", heap, holdLoad));
      rows.add(
          new Row(
              "WebSocket frames of 10 events, 1 in flight per socket on "
                  + sampleSize
                  + " sockets (rest idle)",
              String.format(
                  "%,.0f events/s acknowledged (%,.0f frames/s), %d error replies; %,d open after",
                  eventsPerSecond,
                  (frames1 - frames0) / elapsed,
                  client.errorReplies.get(),
                  afterTraffic),
              trafficLoad));
    }
  }

  private static long fds(long pid) {
    try (var files = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return files.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** jcmd GC.run in the child, then its heap from /metrics. */
  private static String heapAfterGc(long pid, int port) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    new ProcessBuilder(jcmd, Long.toString(pid), "GC.run")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(60, TimeUnit.SECONDS);
    try (RawHttp http = new RawHttp(port)) {
      String metrics = http.get("/metrics").body();
      double used = 0;
      double max = 0;
      for (String line : metrics.split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"")) {
          double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          max += v > 0 ? v : 0;
        }
      }
      return String.format(
          "%.1f MiB used of %.0f MiB max (jvm_memory_used_bytes{area=\"heap\"} after jcmd GC.run)",
          used / 1024 / 1024, max / 1024 / 1024);
    }
  }

  // ------------------------------------------------------------ raw HTTP/1.1

  /** A blocking HTTP/1.1 keep-alive client: one socket, one request at a time. */
  static final class RawHttp implements AutoCloseable {
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] headerBuffer = new byte[8192];

    record Response(int status, String body) {}

    RawHttp(int port) throws IOException {
      this.port = port;
      reconnect();
    }

    void reconnect() {
      try {
        if (socket != null) {
          socket.close();
        }
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 32 * 1024);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    Response post(String path, byte[] body) throws IOException {
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nContent-Type: application/json\r\nUser-Agent: "
              + USER_AGENT
              + "\r\nContent-Length: "
              + body.length
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return read();
    }

    Response get(String path) throws IOException {
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return read();
    }

    private String line() throws IOException {
      int n = 0;
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new IOException("connection closed");
        }
        if (b != '\r' && n < headerBuffer.length) {
          headerBuffer[n++] = (byte) b;
        }
      }
      return new String(headerBuffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    private Response read() throws IOException {
      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
      int length = -1;
      boolean chunked = false;
      String header;
      while (!(header = line()).isEmpty()) {
        int colon = header.indexOf(':');
        String name = header.substring(0, colon).trim().toLowerCase();
        String value = header.substring(colon + 1).trim();
        if (name.equals("content-length")) {
          length = Integer.parseInt(value);
        } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
          chunked = true;
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        int size;
        while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
          body.write(in.readNBytes(size));
          line();
        }
        line();
      } else if (length > 0) {
        body.write(in.readNBytes(length));
      }
      return new Response(code, body.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
