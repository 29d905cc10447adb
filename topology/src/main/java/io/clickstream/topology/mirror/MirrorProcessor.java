package io.clickstream.topology.mirror;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors aggregate updates to the serving copy. An update is first written to a pending store
 * (changelogged, so it is committed together with the aggregate under exactly-once); a wall-clock
 * punctuation writes the pending values to the sink and then deletes them. A crash at any point
 * leaves the update either pending (written again after restore) or already written — absolute
 * values make the repeat harmless, so the mirror converges to the committed aggregates.
 */
public final class MirrorProcessor<K> implements Processor<K, Long, Void, Void> {
  private static final Logger log = LoggerFactory.getLogger(MirrorProcessor.class);
  private static final int MAX_WRITES_PER_FLUSH = 10_000;
  private static final char SEPARATOR = '\u0000';

  private final String pendingStoreName;
  private final Function<K, MirrorTarget> target;
  private final MirrorSink sink;
  private final Duration flushInterval;
  private KeyValueStore<String, Long> pending;
  private boolean sinkFailing;

  public MirrorProcessor(
      String pendingStoreName,
      Function<K, MirrorTarget> target,
      MirrorSink sink,
      Duration flushInterval) {
    this.pendingStoreName = pendingStoreName;
    this.target = target;
    this.sink = sink;
    this.flushInterval = flushInterval;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    pending = context.getStateStore(pendingStoreName);
    context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
  }

  @Override
  public void process(Record<K, Long> record) {
    if (record.value() == null) {
      return;
    }
    MirrorTarget where = target.apply(record.key());
    pending.put(where.key() + SEPARATOR + where.field(), record.value());
  }

  private void flush() {
    List<MirrorWrite> writes = new ArrayList<>();
    List<String> flushed = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = pending.all()) {
      while (it.hasNext() && writes.size() < MAX_WRITES_PER_FLUSH) {
        KeyValue<String, Long> entry = it.next();
        int split = entry.key.indexOf(SEPARATOR);
        writes.add(
            new MirrorWrite(
                entry.key.substring(0, split), entry.key.substring(split + 1), entry.value));
        flushed.add(entry.key);
      }
    }
    if (writes.isEmpty()) {
      return;
    }
    try {
      sink.write(writes);
    } catch (RuntimeException e) {
      // Keep the values pending and try again at the next punctuation.
      if (!sinkFailing) {
        log.warn("Mirror write failed; {} values stay pending: {}", writes.size(), e.toString());
      }
      sinkFailing = true;
      return;
    }
    if (sinkFailing) {
      log.info("Mirror writes succeed again");
      sinkFailing = false;
    }
    flushed.forEach(pending::delete);
  }
}
