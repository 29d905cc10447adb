package io.clickstream.topology.product;

import io.clickstream.model.Json;
import io.clickstream.model.config.ProductInfo;
import io.clickstream.platform.redis.RedisKeys;
import io.clickstream.topology.mirror.MirrorBuffer;
import io.clickstream.topology.mirror.MirrorSink;
import io.clickstream.topology.mirror.MirrorTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Mirrors the product catalogue of {@code clickstream.config.products} into the serving copy
 * ({@link RedisKeys#productInfo}: product id → {@code {"name","category"}}), so that the query API
 * joins names and categories to the product figures. A tombstone removes the product's entry. The
 * catalogue is also kept in a store, for {@code --rebuild-mirror}.
 */
public final class ProductInfoProcessor implements Processor<String, ProductInfo, Void, Void> {
  public static final String INFO_STORE = "product-info-store";
  public static final String MIRROR_PENDING_STORE = "product-mirror-pending-store";

  private final MirrorSink sink;
  private final Duration mirrorInterval;
  private final boolean rebuildMirror;
  private KeyValueStore<String, ProductInfo> catalogue;
  private MirrorBuffer mirror;

  public ProductInfoProcessor(MirrorSink sink, Duration mirrorInterval, boolean rebuildMirror) {
    this.sink = sink;
    this.mirrorInterval = mirrorInterval;
    this.rebuildMirror = rebuildMirror;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    catalogue = context.getStateStore(INFO_STORE);
    mirror = new MirrorBuffer(context.getStateStore(MIRROR_PENDING_STORE), sink);
    if (rebuildMirror) {
      try (KeyValueIterator<String, ProductInfo> it = catalogue.all()) {
        it.forEachRemaining(entry -> write(entry.value));
      }
    }
    context.schedule(mirrorInterval, PunctuationType.WALL_CLOCK_TIME, now -> mirror.flush());
  }

  @Override
  public void process(Record<String, ProductInfo> record) {
    String key = record.key();
    ProductInfo info = record.value();
    if (key == null) {
      return;
    }
    if (info != null && info.appId() != null && info.productId() != null) {
      catalogue.put(key, info);
      write(info);
      return;
    }
    ProductInfo known = catalogue.delete(key);
    if (known != null) {
      mirror.delete(new MirrorTarget(RedisKeys.productInfo(known.appId()), known.productId()));
    }
  }

  private void write(ProductInfo info) {
    Map<String, String> value = new LinkedHashMap<>();
    value.put("name", info.name());
    value.put("category", info.category());
    mirror.put(
        new MirrorTarget(RedisKeys.productInfo(info.appId()), info.productId()),
        Json.toBytes(value),
        Duration.ZERO,
        null);
  }
}
