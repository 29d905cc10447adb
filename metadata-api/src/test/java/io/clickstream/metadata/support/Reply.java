package io.clickstream.metadata.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.model.Json;

/** An HTTP answer of the API under test. */
public record Reply(int status, String body, String contentType) {
  public JsonNode json() {
    return Json.readTree(body);
  }

  /** {@code error.code} of a JSON error, or null. */
  public String errorCode() {
    JsonNode code = json().path("error").path("code");
    return code.isTextual() ? code.textValue() : null;
  }

  public String text(String field) {
    return json().path(field).asText(null);
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
