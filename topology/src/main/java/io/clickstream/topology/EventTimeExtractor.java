package io.clickstream.topology;

import io.clickstream.model.Event;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Event time is the event's {@code ts}, already corrected for clock skew by the collector. */
public final class EventTimeExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof Event event && event.ts() > 0) {
      return event.ts();
    }
    return record.timestamp();
  }
}
