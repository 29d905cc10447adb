package io.clickstream.collector.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.clickstream.platform.http.ApiException;
import java.util.regex.Pattern;

/** Visitor and session ids in request bodies: short, printable, safe in a Kafka key. */
final class Ids {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private Ids() {}

  static String required(JsonNode body, String field) {
    String id = optional(body, field);
    if (id == null) {
      throw ApiException.badRequest("'" + field + "' is required.");
    }
    return id;
  }

  static String optional(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || !ID.matcher(value.asText()).matches()) {
      throw ApiException.badRequest(
          "'" + field + "' must be 1 to 128 letters, digits or . _ : - characters.");
    }
    return value.asText();
  }
}
