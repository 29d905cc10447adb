package io.clickstream.model;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for any record type, as JSON through {@link Json}. Null stays null both ways so
 * that tombstones pass through. Failures surface as {@link SerializationException}, which is what
 * Kafka Streams' deserialization exception handler expects.
 */
public class JsonSerde<T> implements Serde<T> {
  private final Class<T> type;

  public JsonSerde(Class<T> type) {
    this.type = type;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return Json.toBytes(value);
      } catch (JsonException e) {
        throw new SerializationException(
            "cannot serialize " + type.getSimpleName() + " for topic " + topic, e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return Json.read(bytes, type);
      } catch (RuntimeException e) { // JsonException, or anything a record constructor throws
        throw new SerializationException(
            "cannot deserialize " + type.getSimpleName() + " from topic " + topic, e);
      }
    };
  }
}
