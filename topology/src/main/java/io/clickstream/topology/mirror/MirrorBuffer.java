package io.clickstream.topology.mirror;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way to the serving copy. A changed aggregate is first written to a pending store
 * (changelogged, so it commits together with the aggregate under exactly-once); {@link #flush}
 * writes the pending values to the sink and then deletes them. A crash at any point leaves a value
 * either pending (written again after restore) or already written; absolute values make the repeat
 * harmless, so the mirror converges to the committed aggregates.
 */
public final class MirrorBuffer {
  private static final Logger log = LoggerFactory.getLogger(MirrorBuffer.class);
  private static final int MAX_WRITES_PER_FLUSH = 20_000;
  private static final String SEP = "\u001e";

  /** No serving value is empty, so an empty pending value can mean "delete the field". */
  private static final byte[] DELETED = new byte[0];

  private final KeyValueStore<String, byte[]> pending;
  private final MirrorSink sink;
  private boolean sinkFailing;

  public MirrorBuffer(KeyValueStore<String, byte[]> pending, MirrorSink sink) {
    this.pending = pending;
    this.sink = sink;
  }

  /** Removes a field from the serving copy (written as a pending empty value). */
  public void delete(MirrorTarget target) {
    put(target, DELETED, Duration.ZERO, null);
  }

  public void put(MirrorTarget target, byte[] value, Duration ttl, String channel) {
    String key =
        ttl.toSeconds()
            + SEP
            + (channel == null ? "" : channel)
            + SEP
            + target.key()
            + SEP
            + target.field();
    pending.put(key, value);
  }

  /** Writes what is pending; on failure keeps it for the next flush. */
  public void flush() {
    List<MirrorWrite> writes = new ArrayList<>();
    List<String> flushed = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = pending.all()) {
      while (it.hasNext() && writes.size() < MAX_WRITES_PER_FLUSH) {
        KeyValue<String, byte[]> entry = it.next();
        String[] parts = entry.key.split(SEP, 4);
        writes.add(
            new MirrorWrite(
                parts[2],
                parts[3],
                entry.value.length == 0 ? null : entry.value,
                Long.parseLong(parts[0]),
                parts[1].isEmpty() ? null : parts[1]));
        flushed.add(entry.key);
      }
    }
    if (writes.isEmpty()) {
      return;
    }
    try {
      sink.write(writes);
    } catch (RuntimeException e) {
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
