package io.clickstream.simulator.transport;

import io.clickstream.simulator.behaviour.Chunk;
import java.util.List;

/** A way into the pipeline: the collector's HTTP or WebSocket API, or Kafka directly. */
public interface Transport extends AutoCloseable {
  /** A sender for one worker thread; only that thread uses it, so its chunks go in order. */
  Sender newSender();

  @Override
  void close();

  /** Sends chunks one after another and tells what became of each. */
  interface Sender extends AutoCloseable {
    /** A sender that keeps nothing open between chunks. */
    static Sender stateless(ChunkSender send) {
      return new Sender() {
        @Override
        public Delivery send(Chunk chunk) throws InterruptedException {
          return send.send(chunk);
        }

        @Override
        public Delivery finish() {
          return Delivery.nothing(List.of());
        }

        @Override
        public void close() {}
      };
    }

    Delivery send(Chunk chunk) throws InterruptedException;

    /** Ends what is still open (a WebSocket session) and reports its server events. */
    Delivery finish() throws InterruptedException;

    @Override
    void close();
  }

  /** Sends one chunk. */
  @FunctionalInterface
  interface ChunkSender {
    Delivery send(Chunk chunk) throws InterruptedException;
  }
}
