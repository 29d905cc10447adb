package io.clickstream.collector.websocket;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.clickstream.model.Json;
import io.clickstream.model.Limits;

/**
 * What a text frame says: {@code {"events":[…]}}, one event, or {@code {"type":"goodbye"}} — or
 * something that is none of these, with the error code and message to answer it with.
 */
sealed interface FrameContent {
  record Events(JsonNode events) implements FrameContent {}

  record Goodbye() implements FrameContent {}

  record Invalid(String code, String message) implements FrameContent {}

  static FrameContent parse(String text) {
    JsonNode frame;
    try {
      frame = Json.MAPPER.readTree(text);
    } catch (JacksonException e) {
      return new Invalid(
          "malformed_json", "The frame is not valid JSON: " + e.getOriginalMessage());
    }
    if (frame == null || !frame.isObject()) {
      return new Invalid(
          "bad_request", "A frame is {\"events\":[…]}, one event, or {\"type\":\"goodbye\"}.");
    }
    if ("goodbye".equals(frame.path("type").textValue())) {
      return new Goodbye();
    }
    if (!frame.has("events")) {
      ArrayNode single = Json.MAPPER.createArrayNode();
      single.add(frame);
      return new Events(single);
    }
    JsonNode events = frame.get("events");
    if (!events.isArray()) {
      return new Invalid("bad_request", "'events' must be an array of events.");
    }
    if (events.size() > Limits.MAX_BATCH_EVENTS) {
      return new Invalid(
          "payload_too_large",
          "A frame holds at most "
              + Limits.MAX_BATCH_EVENTS
              + " events; got "
              + events.size()
              + ".");
    }
    return new Events(events);
  }
}
