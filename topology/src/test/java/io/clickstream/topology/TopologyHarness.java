package io.clickstream.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.embedded.TestServices;
import io.clickstream.model.Event;
import io.clickstream.model.EventSerde;
import io.clickstream.model.EventType;
import io.clickstream.model.Json;
import io.clickstream.model.JsonSerde;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.model.config.FunnelDefinition.FunnelStep;
import io.clickstream.model.config.FunnelDefinition.StepMatch;
import io.clickstream.model.config.ProductInfo;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.platform.time.Interval;
import io.clickstream.topology.aggregate.AggregateProcessor;
import io.clickstream.topology.aggregate.Cell;
import io.clickstream.topology.aggregate.Measure;
import io.clickstream.topology.mirror.RedisMirrorSink;
import io.clickstream.topology.session.EventProcessor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.datasketches.hll.HllSketch;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import redis.clients.jedis.JedisPooled;

/**
 * The production topology in a TopologyTestDriver, mirroring into the real test Redis. Events are
 * built like the collector stamps them; {@link #flush} moves the wall clock so that stage 1 flushes
 * its deltas and stage 2 its mirror.
 */
final class TopologyHarness implements AutoCloseable {
  static final String CHROME_UA =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/126.0.0.0 Safari/537.36";
  static final String GOOGLEBOT_UA =
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  final String app = "app-" + UUID.randomUUID().toString().substring(0, 8);
  final TopologyTestDriver driver;
  private final RedisMirrorSink sink;
  private final TestInputTopic<String, Event> events;
  private final TestInputTopic<String, AppConfig> apps;
  private final TestInputTopic<String, FunnelDefinition> funnels;
  private final TestInputTopic<String, ProductInfo> products;
  final JedisPooled redis;

  TopologyHarness(Instant wallClockStart) {
    this(wallClockStart, false, Path.of("target", "streams-state", UUID.randomUUID().toString()));
  }

  /** A harness on a given state dir (the driver deletes its state when it closes). */
  TopologyHarness(Instant wallClockStart, boolean rebuildMirror, Path stateDir) {
    String redisUrl = TestServices.get().redisUrl();
    sink = new RedisMirrorSink(redisUrl);
    redis = new JedisPooled(URI.create(redisUrl));
    TopologySettings settings =
        new TopologySettings(
            "topology-test",
            "unused:9092",
            redisUrl,
            stateDir,
            "127.0.0.1",
            0,
            1,
            Duration.ofMillis(250),
            rebuildMirror,
            Map.of());
    driver =
        new TopologyTestDriver(
            ClickstreamTopology.build(
                new ClickstreamTopology.Options(
                    sink,
                    Duration.ofMillis(250),
                    ClickstreamTopology.DEFAULT_FLUSH_INTERVAL,
                    rebuildMirror)),
            settings.streamsConfig(),
            wallClockStart);
    events =
        driver.createInputTopic(
            Topics.EVENTS, new StringSerializer(), new EventSerde().serializer());
    apps =
        driver.createInputTopic(
            Topics.CONFIG_APPS,
            new StringSerializer(),
            new JsonSerde<>(AppConfig.class).serializer());
    funnels =
        driver.createInputTopic(
            Topics.CONFIG_FUNNELS,
            new StringSerializer(),
            new JsonSerde<>(FunnelDefinition.class).serializer());
    products =
        driver.createInputTopic(
            Topics.CONFIG_PRODUCTS,
            new StringSerializer(),
            new JsonSerde<>(ProductInfo.class).serializer());
  }

  /** Publishes a funnel version, as the metadata API's outbox does. */
  void funnel(String funnelId, long windowMs, Instant publishedAt, FunnelStep... steps) {
    funnels.pipeInput(
        ConfigKeys.funnel(app, funnelId),
        new FunnelDefinition(
            app,
            funnelId,
            "Funnel " + funnelId,
            List.of(steps),
            windowMs,
            publishedAt.toEpochMilli()));
  }

  void deleteFunnel(String funnelId) {
    funnels.pipeInput(ConfigKeys.funnel(app, funnelId), (FunnelDefinition) null);
  }

  static FunnelStep pageviewStep(String path) {
    return new FunnelStep("pageview", new StepMatch(path, null, null, null), path);
  }

  static FunnelStep clickStep(String target) {
    return new FunnelStep("click", new StepMatch(null, target, null, null), target);
  }

  static FunnelStep customStep(String name) {
    return new FunnelStep("custom", new StepMatch(null, null, name, null), name);
  }

  void product(ProductInfo info) {
    products.pipeInput(ConfigKeys.product(app, info.productId()), info);
  }

  void deleteProduct(String productId) {
    products.pipeInput(ConfigKeys.product(app, productId), (ProductInfo) null);
  }

  /** A hash of the serving copy as the mirror wrote it. */
  Map<String, String> hash(String key) {
    return redis.hgetAll(key);
  }

  void sessionTimeout(int minutes) {
    apps.pipeInput(
        app,
        new AppConfig(app, "org", "Test", null, false, new AppSettings(1000, 100, minutes), 1));
  }

  Event.Builder event(EventType type, String visitor, Instant at) {
    return Event.builder()
        .id(UUID.randomUUID().toString())
        .type(type)
        .ts(at.toEpochMilli())
        .appId(app)
        .visitorId(visitor)
        .receivedAt(at.toEpochMilli())
        .userAgent(CHROME_UA);
  }

  void pageview(String visitor, String url, Instant at) {
    send(event(EventType.PAGEVIEW, visitor, at).url(url).build());
  }

  void click(String visitor, String target, Instant at) {
    send(event(EventType.CLICK, visitor, at).target(target).build());
  }

  void send(Event event) {
    events.pipeInput(event.kafkaKey(), event, event.ts());
  }

  /** Lets stage 1 flush its deltas and visitor adds, and stage 2 write its mirror. */
  void flush() {
    driver.advanceWallClockTime(EventProcessor.VISITOR_FLUSH_INTERVAL);
    driver.advanceWallClockTime(Duration.ofMillis(250));
  }

  long counter(Measure measure, String detail, Interval interval, Instant at) {
    WindowStore<String, Long> store =
        driver.getWindowStore(AggregateProcessor.counterStore(interval));
    Long value =
        store.fetch(
            new Cell(app, measure, detail).encode(), interval.bucketStart(at.toEpochMilli()));
    return value == null ? 0 : value;
  }

  long counter(Measure measure, Interval interval, Instant at) {
    return counter(measure, "", interval, at);
  }

  long visitors(Measure measure, String detail, Interval interval, Instant at) {
    WindowStore<String, byte[]> store =
        driver.getWindowStore(AggregateProcessor.sketchStore(interval));
    byte[] sketch =
        store.fetch(
            new Cell(app, measure, detail).encode(), interval.bucketStart(at.toEpochMilli()));
    return sketch == null ? 0 : Math.round(HllSketch.heapify(sketch).getEstimate());
  }

  List<String> sessionsTopic() {
    TestOutputTopic<String, String> out =
        driver.createOutputTopic(
            Topics.SESSIONS, new StringDeserializer(), new StringDeserializer());
    return out.readValuesToList();
  }

  List<JsonNode> deadLetters() {
    TestOutputTopic<String, String> out =
        driver.createOutputTopic(
            Topics.EVENTS_DLQ, new StringDeserializer(), new StringDeserializer());
    return out.readValuesToList().stream().map(Json::readTree).toList();
  }

  @Override
  public void close() {
    driver.close();
    sink.close();
    redis.close();
  }
}
