package io.clickstream.topology.funnel;

import io.clickstream.model.JsonSerde;
import io.clickstream.model.config.ConfigKeys;
import io.clickstream.model.config.FunnelDefinition;
import io.clickstream.topology.BoundedLruMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The funnel definitions of {@code clickstream.config.funnels} (key {@code app:funnel}), in a
 * global store that every instance keeps whole, so a funnel added, changed or deleted at run time
 * reaches every task. Stage 1 asks for an app's funnels on every event; reading them from the store
 * each time would deserialise every definition per event, so each task caches them per app and
 * drops its cache whenever the global store's updater counts a change.
 */
public final class FunnelDefinitions {
  public static final String STORE = "funnel-config-store";
  private static final int CACHED_APPS = 10_000;

  /** Counts changes to the store; one per topology, shared by its global and stream threads. */
  private final AtomicLong changes = new AtomicLong();

  /** A funnel version and its compiled steps. */
  record Funnel(FunnelDefinition definition, FunnelSteps steps) {}

  public StoreBuilder<KeyValueStore<String, FunnelDefinition>> storeBuilder() {
    return Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(STORE),
            Serdes.String(),
            new JsonSerde<>(FunnelDefinition.class))
        .withLoggingDisabled(); // a global store is restored from its source topic
  }

  /** The global store's updater: applies a definition or a tombstone and counts the change. */
  public ProcessorSupplier<String, FunnelDefinition, Void, Void> updater() {
    return () ->
        new Processor<>() {
          private KeyValueStore<String, FunnelDefinition> store;

          @Override
          public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
          }

          @Override
          public void process(Record<String, FunnelDefinition> record) {
            if (record.key() == null) {
              return;
            }
            if (record.value() == null) {
              store.delete(record.key());
            } else {
              store.put(record.key(), record.value());
            }
            changes.incrementAndGet();
          }
        };
  }

  /** A stage-1 task's view of the definitions, with its own cache. */
  Reader reader(ProcessorContext<?, ?> context) {
    return new Reader(context.getStateStore(STORE));
  }

  final class Reader {
    private final KeyValueStore<String, FunnelDefinition> store;
    private final Map<String, List<Funnel>> byApp = new BoundedLruMap<>(CACHED_APPS);
    private long seen = -1;

    private Reader(KeyValueStore<String, FunnelDefinition> store) {
      this.store = store;
    }

    /** The app's current funnel versions. */
    List<Funnel> of(String app) {
      // Read the count before the store: a change made meanwhile is seen on the next call.
      long now = changes.get();
      if (now != seen) {
        byApp.clear();
        seen = now;
      }
      return byApp.computeIfAbsent(app, this::load);
    }

    /** The {@code published_at} of the funnel's current version, or empty when deleted. */
    Long currentVersion(String app, String funnelId) {
      for (Funnel funnel : of(app)) {
        if (funnel.definition().funnelId().equals(funnelId)) {
          return funnel.definition().publishedAt();
        }
      }
      return null;
    }

    private List<Funnel> load(String app) {
      List<Funnel> funnels = new ArrayList<>();
      try (KeyValueIterator<String, FunnelDefinition> it =
          store.prefixScan(ConfigKeys.funnel(app, ""), new StringSerializer())) {
        while (it.hasNext()) {
          FunnelDefinition definition = it.next().value;
          if (definition != null && app.equals(definition.appId())) {
            funnels.add(new Funnel(definition, new FunnelSteps(definition)));
          }
        }
      }
      return List.copyOf(funnels);
    }
  }
}
