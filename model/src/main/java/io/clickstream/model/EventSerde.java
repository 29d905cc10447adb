package io.clickstream.model;

/** The serde of {@code clickstream.events}; a class of its own so Kafka config can name it. */
public final class EventSerde extends JsonSerde<Event> {
  public EventSerde() {
    super(Event.class);
  }
}
