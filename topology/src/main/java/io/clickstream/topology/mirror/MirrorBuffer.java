package io.clickstream.topology.mirror;

import java.nio.charset.StandardCharsets;
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

  /**
   * A pending value starting with this byte names where the value lives instead of holding it. No
   * serving value starts with it: counters are ASCII digits, JSON starts with a brace, and
   * DataSketches' first byte counts preamble longs (never 0).
   */
  private static final byte REFERENCE = 0;

  /** Looks up the current value a reference names; null when it no longer exists. */
  @FunctionalInterface
  public interface Resolver {
    byte[] current(String reference);
  }

  private final KeyValueStore<String, byte[]> pending;
  private final MirrorSink sink;
  private final Resolver resolver;
  private boolean sinkFailing;

  public MirrorBuffer(KeyValueStore<String, byte[]> pending, MirrorSink sink) {
    this(pending, sink, reference -> null);
  }

  public MirrorBuffer(KeyValueStore<String, byte[]> pending, MirrorSink sink, Resolver resolver) {
    this.pending = pending;
    this.sink = sink;
    this.resolver = resolver;
  }

  /**
   * Queues a large value (a sketch) by reference: the pending store (and its changelog) keeps a
   * short name of the value's store entry, and the flush reads the value then. The value is
   * committed in its own store already; copying kilobytes into the pending store's changelog as
   * well doubled what a commit writes.
   */
  public void putReference(MirrorTarget target, String reference, Duration ttl) {
    byte[] name = reference.getBytes(StandardCharsets.UTF_8);
    byte[] value = new byte[name.length + 1];
    value[0] = REFERENCE;
    System.arraycopy(name, 0, value, 1, name.length);
    put(target, value, ttl, null);
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
        flushed.add(entry.key);
        byte[] value = valueOf(entry.value);
        if (value == null) {
          continue; // a reference to an aggregate that has expired since
        }
        String[] parts = entry.key.split(SEP, 4);
        writes.add(
            new MirrorWrite(
                parts[2],
                parts[3],
                value.length == 0 ? null : value,
                Long.parseLong(parts[0]),
                parts[1].isEmpty() ? null : parts[1]));
      }
    }
    if (writes.isEmpty()) {
      flushed.forEach(pending::delete);
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

  private byte[] valueOf(byte[] pendingValue) {
    if (pendingValue.length == 0 || pendingValue[0] != REFERENCE) {
      return pendingValue;
    }
    return resolver.current(
        new String(pendingValue, 1, pendingValue.length - 1, StandardCharsets.UTF_8));
  }
}
