package io.clickstream.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {

  private static String nestedArrays(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void nullsAreOmittedOnWrite() {
    assertThat(Json.toJson(new Product("sku-42", null, 1.5, null, null)))
        .isEqualTo("{\"id\":\"sku-42\",\"price\":1.5}");
  }

  @Test
  void charactersOutsideTheBasicPlaneAreWrittenAsFourBytesOfUtf8() {
    assertThat(Json.toBytes("😀")).containsExactly('"', 0xF0, 0x9F, 0x98, 0x80, '"');
  }

  @Test
  void unknownPropertiesAreIgnoredOnRead() {
    assertThat(Json.read("{\"id\":\"sku-42\",\"colour\":\"red\"}", Product.class))
        .isEqualTo(new Product("sku-42", null, null, null, null));
  }

  @Test
  void nestingUpToTheLimitIsRead() {
    assertThat(Json.readTree(nestedArrays(Json.MAX_NESTING_DEPTH)).isArray()).isTrue();
  }

  @Test
  void nestingBeyondTheLimitIsRefused() {
    assertThatThrownBy(() -> Json.readTree(nestedArrays(Json.MAX_NESTING_DEPTH + 1)))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void stringLongerThanTheLimitIsRefused() {
    String json = "\"" + "a".repeat(Json.MAX_STRING_LENGTH + 1) + "\"";

    assertThatThrownBy(() -> Json.readTree(json))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("String value length");
  }

  @Test
  void trailingGarbageIsRefused() {
    assertThatThrownBy(() -> Json.read("{\"id\":\"sku-42\"} garbage", Product.class))
        .isInstanceOf(JsonException.class);
  }

  @Test
  void malformedJsonIsAJsonException() {
    assertThatThrownBy(() -> Json.readTree("{\"id\":"))
        .isInstanceOf(JsonException.class)
        .hasMessageStartingWith("cannot read JSON: ");
  }

  @Test
  void emptyInputIsAMissingNodeNotNull() {
    assertThat(Json.readTree("").isMissingNode()).isTrue();
  }

  @Test
  void emptyInputCannotBeReadAsARecord() {
    assertThatThrownBy(() -> Json.read(new byte[0], Product.class))
        .isInstanceOf(JsonException.class)
        .hasMessageStartingWith("cannot read Product: ");
  }
}
