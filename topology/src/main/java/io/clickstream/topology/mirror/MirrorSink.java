package io.clickstream.topology.mirror;

import java.util.List;

/** Where the serving copy goes. Writes are absolute values, so writing one twice is harmless. */
public interface MirrorSink extends AutoCloseable {
  void write(List<MirrorWrite> writes);

  /** Adds members to capped sorted sets (the activity feeds), trimming each set once. */
  void addToFeeds(List<FeedEntry> entries);

  @Override
  default void close() {}
}
