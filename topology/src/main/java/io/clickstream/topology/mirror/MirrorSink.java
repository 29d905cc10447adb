package io.clickstream.topology.mirror;

import java.util.List;

/** Where the serving copy goes. Writes are absolute values, so writing one twice is harmless. */
public interface MirrorSink extends AutoCloseable {
  void write(List<MirrorWrite> writes);

  @Override
  default void close() {}
}
