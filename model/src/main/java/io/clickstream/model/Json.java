package io.clickstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one Jackson configuration of the project. Use {@link #MAPPER} as it is; a module that needs a
 * variant derives one with {@code MAPPER.reader(...)} or {@code MAPPER.writer(...)} rather than
 * reconfiguring the shared instance.
 */
public final class Json {
  /**
   * Deep enough for any legitimate document; shallow enough that hostile input cannot blow the
   * stack.
   */
  public static final int MAX_NESTING_DEPTH = 64;

  /** No single string we accept comes near this; it bounds what one hostile token can allocate. */
  public static final int MAX_STRING_LENGTH = 1024 * 1024;

  public static final ObjectMapper MAPPER = createMapper();

  private Json() {}

  private static ObjectMapper createMapper() {
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            // Jackson writes an emoji as two escaped UTF-16 halves (12 bytes) unless told to write
            // the
            // 4 bytes of real UTF-8; the event-size limit counts bytes, so this matters.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    return JsonMapper.builder(factory)
        // Producers may be newer than consumers: new fields must not break old readers.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // "{...} garbage" is corrupt input, not a document followed by noise.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
        .build();
  }

  public static byte[] toBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new JsonException("cannot write " + typeName(value) + " as JSON", e);
    }
  }

  public static String toJson(Object value) {
    return new String(toBytes(value), StandardCharsets.UTF_8);
  }

  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new JsonException("cannot read " + type.getSimpleName() + ": " + describe(e), e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    return read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  /** Parses any JSON document; an empty input gives a missing node, never null. */
  public static JsonNode readTree(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new JsonException("cannot read JSON: " + describe(e), e);
    }
  }

  public static JsonNode readTree(String json) {
    return readTree(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Jackson's message without its source-location suffix, which can be long and unhelpful. */
  private static String describe(IOException e) {
    return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
