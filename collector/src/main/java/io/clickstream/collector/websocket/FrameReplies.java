package io.clickstream.collector.websocket;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clickstream.collector.ingest.BatchResult;
import io.clickstream.collector.ingest.BatchResult.Rejection;
import io.clickstream.model.Json;
import io.clickstream.platform.http.JsonExchanges.ErrorBody;
import java.util.List;

/**
 * What the server answers a frame with: exactly one message per frame, in the order the frames
 * came. {@code {"ack": n, "rejected": [{index, reason}]}} once Kafka acknowledged the frame's
 * accepted events; otherwise the error shape of the HTTP API, with {@code retry_after} seconds when
 * sending the same frame again later will work.
 */
final class FrameReplies {
  private FrameReplies() {}

  record Ack(int ack, List<Rejection> rejected) {}

  record Error(ErrorBody.Error error, @JsonProperty("retry_after") Integer retryAfter) {}

  static String ack(BatchResult result) {
    return Json.toJson(new Ack(result.accepted(), result.rejected()));
  }

  static String error(String code, String message) {
    return Json.toJson(new Error(new ErrorBody.Error(code, message), null));
  }

  static String unavailable() {
    return Json.toJson(
        new Error(
            new ErrorBody.Error(
                "unavailable", "The frame's events could not be stored right now; send it again."),
            5));
  }
}
