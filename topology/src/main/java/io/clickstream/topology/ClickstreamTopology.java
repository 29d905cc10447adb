package io.clickstream.topology;

import io.clickstream.model.EventSerde;
import io.clickstream.model.JsonSerde;
import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.model.config.ProductInfo;
import io.clickstream.platform.kafka.TopicSpec;
import io.clickstream.platform.kafka.Topics;
import io.clickstream.topology.activity.ActivityFeedProcessor;
import io.clickstream.topology.aggregate.AcceptedEvent;
import io.clickstream.topology.aggregate.AggregateProcessor;
import io.clickstream.topology.aggregate.StageRecord;
import io.clickstream.topology.aggregate.StageRecord.SessionSummary;
import io.clickstream.topology.enrich.UserAgentParser;
import io.clickstream.topology.funnel.FunnelDefinitions;
import io.clickstream.topology.mirror.MirrorSink;
import io.clickstream.topology.product.ProductInfoProcessor;
import io.clickstream.topology.session.Enricher;
import io.clickstream.topology.session.EventProcessor;
import io.clickstream.topology.visitor.VisitorJourneyProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The Kafka Streams topology of docs/topology.md. Every processor, store and internal topic is
 * named, so the app runs with {@code ensure.explicit.internal.resource.naming=true} and the names
 * stay stable across releases (renaming one would orphan its state).
 */
public final class ClickstreamTopology {
  public static final String APP_CONFIG_STORE = "app-config-store";
  public static final String METRIC_DELTAS_TOPIC = "metric-deltas";
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);

  private static final Serde<String> STRING = Serdes.String();

  private ClickstreamTopology() {}

  /** What the topology needs besides Kafka: where the mirror goes and how often. */
  public record Options(
      MirrorSink mirror, Duration mirrorInterval, Duration flushInterval, boolean rebuildMirror) {}

  public static Topology build(Options options) {
    StreamsBuilder builder = new StreamsBuilder();
    Serde<StageRecord> stageSerde = new JsonSerde<>(StageRecord.class);
    Serde<AppConfig> appConfigSerde = new JsonSerde<>(AppConfig.class);

    builder.globalTable(
        Topics.CONFIG_APPS,
        Consumed.with(STRING, appConfigSerde).withName("app-config-source"),
        Materialized.<String, AppConfig, KeyValueStore<Bytes, byte[]>>as(APP_CONFIG_STORE)
            .withKeySerde(STRING)
            .withValueSerde(appConfigSerde));
    FunnelDefinitions funnels = new FunnelDefinitions();
    builder.addGlobalStore(
        funnels.storeBuilder(),
        Topics.CONFIG_FUNNELS,
        Consumed.with(STRING, new JsonSerde<>(FunnelDefinition.class))
            .withName("funnel-config-source"),
        funnels.updater());
    for (StateStores.Spec store : allStores()) {
      builder.addStateStore(store.builder());
    }

    UserAgentParser userAgents = UserAgentParser.shared();
    KStream<String, StageRecord> stageOne =
        builder.stream(
                Topics.EVENTS,
                Consumed.with(STRING, new EventSerde())
                    .withTimestampExtractor(new EventTimeExtractor())
                    .withName("events-source"))
            .process(
                () ->
                    new EventProcessor(
                        new Enricher(userAgents),
                        APP_CONFIG_STORE,
                        options.flushInterval(),
                        funnels),
                Named.as("event-processor"),
                StateStores.names(StateStores.stageOne()));

    Map<String, KStream<String, StageRecord>> outputs =
        stageOne
            .split(Named.as("stage-one-"))
            .branch((key, value) -> value instanceof StageRecord.Delta, Branched.as("deltas"))
            .branch((key, value) -> value instanceof SessionSummary, Branched.as("sessions"))
            .branch((key, value) -> value instanceof AcceptedEvent, Branched.as("accepted"))
            .defaultBranch(Branched.as("late"));

    outputs
        .get("stage-one-sessions")
        .to(Topics.SESSIONS, Produced.with(STRING, stageSerde).withName("sessions-sink"));
    outputs
        .get("stage-one-late")
        .to(Topics.EVENTS_DLQ, Produced.with(STRING, stageSerde).withName("late-events-sink"));
    outputs
        .get("stage-one-deltas")
        .repartition(Repartitioned.with(STRING, stageSerde).withName(METRIC_DELTAS_TOPIC))
        .process(
            () ->
                new AggregateProcessor(
                    options.mirror(), options.mirrorInterval(), options.rebuildMirror()),
            Named.as("aggregate-processor"),
            StateStores.names(StateStores.stageTwo()));

    KStream<String, StageRecord> accepted = outputs.get("stage-one-accepted");
    accepted.process(
        () -> new ActivityFeedProcessor(options.mirror(), options.flushInterval()),
        Named.as("activity-feed-processor"),
        StateStores.names(StateStores.activityFeed()));
    accepted.process(
        VisitorJourneyProcessor::new,
        Named.as("visitor-journey-processor"),
        StateStores.names(StateStores.visitorJourneys()));

    builder.stream(
            Topics.CONFIG_PRODUCTS,
            Consumed.with(STRING, new JsonSerde<>(ProductInfo.class))
                .withName("product-config-source"))
        .process(
            () ->
                new ProductInfoProcessor(
                    options.mirror(), options.mirrorInterval(), options.rebuildMirror()),
            Named.as("product-info-processor"),
            StateStores.names(StateStores.productInfo()));
    return builder.build();
  }

  /**
   * The topics Kafka Streams creates for this topology: one changelog per store and the repartition
   * topic, each with the partitions of {@code clickstream.events}, except the product catalogue's
   * changelogs, which have those of {@code clickstream.config.products}.
   */
  public static List<TopicSpec> internalTopics(
      String applicationId, int partitions, int productConfigPartitions) {
    List<TopicSpec> topics = new ArrayList<>();
    List<String> productStores = List.of(StateStores.names(StateStores.productInfo()));
    for (StateStores.Spec store : allStores()) {
      boolean product = productStores.contains(store.name());
      topics.add(store.changelog(applicationId, product ? productConfigPartitions : partitions));
    }
    topics.add(
        new TopicSpec(
            applicationId + "-" + METRIC_DELTAS_TOPIC + "-repartition",
            partitions,
            false,
            TopicSpec.RETAIN_FOREVER));
    return topics;
  }

  private static List<StateStores.Spec> allStores() {
    List<StateStores.Spec> stores = new ArrayList<>(StateStores.stageOne());
    stores.addAll(StateStores.stageTwo());
    stores.addAll(StateStores.activityFeed());
    stores.addAll(StateStores.visitorJourneys());
    stores.addAll(StateStores.productInfo());
    return stores;
  }
}
