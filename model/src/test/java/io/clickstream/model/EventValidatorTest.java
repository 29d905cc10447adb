package io.clickstream.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {
  private static final String UUID = "9b2f1c4e-8a3d-4f6b-9c1e-2d3f4a5b6c7d";

  private static List<Violation> violationsOf(String json) {
    return EventValidator.validate(Json.readTree(json));
  }

  private static Violation violation(String field, String reason) {
    return new Violation(field, reason);
  }

  private static String repeat(String s, int times) {
    return s.repeat(times);
  }

  @Nested
  class ValidExamples {
    @Test
    void designDocumentExampleIsAccepted() {
      assertThat(
              violationsOf(
                  """
                  { "id": "%s", "type": "pageview", "ts": 1732272000123,
                    "url": "https://shop.example/products/42?utm_source=news&utm_campaign=bf",
                    "referrer": "https://www.google.com/", "title": "Product 42",
                    "target": "#buy", "x": 120, "y": 340, "elapsed_ms": 5300,
                    "name": "signup", "props": {"plan": "pro"},
                    "product": {"id": "sku-42", "name": "Lamp", "price": 19.99,
                                "currency": "EUR", "quantity": 1},
                    "user_id": "crm-1234" }
                  """
                      .formatted(UUID)))
          .isEmpty();
    }

    @Test
    void pageviewWithUrlIsAccepted() {
      assertThat(violationsOf("{\"type\":\"pageview\",\"url\":\"https://shop.example/\"}"))
          .isEmpty();
    }

    @Test
    void clickWithTargetAndNoCoordinatesIsAccepted() {
      assertThat(violationsOf("{\"type\":\"click\",\"target\":\"#buy\"}")).isEmpty();
    }

    @Test
    void clickWithTargetAndCoordinatesIsAccepted() {
      assertThat(violationsOf("{\"type\":\"click\",\"target\":\"#buy\",\"x\":-5,\"y\":340}"))
          .isEmpty();
    }

    @Test
    void hoverWithTargetAndElapsedMsIsAccepted() {
      assertThat(violationsOf("{\"type\":\"hover\",\"target\":\"#buy\",\"elapsed_ms\":0}"))
          .isEmpty();
    }

    @Test
    void mouseMoveWithXAndYIsAccepted() {
      assertThat(violationsOf("{\"type\":\"mouse_move\",\"x\":0,\"y\":2147483647}")).isEmpty();
    }

    @Test
    void customWithNameIsAccepted() {
      assertThat(violationsOf("{\"type\":\"custom\",\"name\":\"signup\"}")).isEmpty();
    }

    @Test
    void productViewWithProductIdIsAccepted() {
      assertThat(violationsOf("{\"type\":\"product_view\",\"product\":{\"id\":\"sku-42\"}}"))
          .isEmpty();
    }

    @Test
    void addToCartWithProductIdIsAccepted() {
      assertThat(violationsOf("{\"type\":\"add_to_cart\",\"product\":{\"id\":\"sku-42\"}}"))
          .isEmpty();
    }

    @Test
    void purchaseWithProductIdAndPriceButNoQuantityIsAccepted() {
      assertThat(
              violationsOf("{\"type\":\"purchase\",\"product\":{\"id\":\"sku-42\",\"price\":0}}"))
          .isEmpty();
    }

    @Test
    void identifyWithUserIdIsAccepted() {
      assertThat(violationsOf("{\"type\":\"identify\",\"user_id\":\"crm-1234\"}")).isEmpty();
    }

    @Test
    void sessionStartNeedsNothingButItsType() {
      assertThat(violationsOf("{\"type\":\"session_start\"}")).isEmpty();
    }

    @Test
    void sessionEndWithOrWithoutReasonIsAccepted() {
      assertThat(violationsOf("{\"type\":\"session_end\"}")).isEmpty();
      assertThat(violationsOf("{\"type\":\"session_end\",\"reason\":\"goodbye\"}")).isEmpty();
    }

    @Test
    void nullOptionalFieldsCountAsAbsent() {
      assertThat(
              violationsOf(
                  "{\"type\":\"session_start\",\"id\":null,\"ts\":null,\"x\":null,"
                      + "\"props\":null,\"product\":null,\"referrer\":null}"))
          .isEmpty();
    }

    @Test
    void unknownFieldsAndClientSentServerStampsAreNotViolations() {
      assertThat(
              violationsOf(
                  "{\"type\":\"session_start\",\"colour\":{\"deep\":[1,{}]},"
                      + "\"app_id\":7,\"received_at\":\"yesterday\",\"clock_skew\":\"maybe\"}"))
          .isEmpty();
    }
  }

  @Nested
  class RequiredFields {
    @Test
    void eventWithoutTypeIsRejected() {
      assertThat(violationsOf("{\"url\":\"https://shop.example/\"}"))
          .containsExactly(violation("type", "is required"));
    }

    @Test
    void pageviewWithoutUrlIsRejectedWithFieldAndReason() {
      List<Violation> violations = violationsOf("{\"type\":\"pageview\"}");

      assertThat(violations).containsExactly(violation("url", "is required for pageview"));
      assertThat(violations.get(0)).hasToString("url is required for pageview");
    }

    @Test
    void clickWithoutTargetIsRejected() {
      assertThat(violationsOf("{\"type\":\"click\",\"x\":1,\"y\":2}"))
          .containsExactly(violation("target", "is required for click"));
    }

    @Test
    void clickWithBlankTargetIsRejected() {
      assertThat(violationsOf("{\"type\":\"click\",\"target\":\"  \"}"))
          .containsExactly(violation("target", "must not be blank"));
    }

    @Test
    void hoverWithoutTargetAndElapsedMsReportsBoth() {
      assertThat(violationsOf("{\"type\":\"hover\"}"))
          .containsExactly(
              violation("target", "is required for hover"),
              violation("elapsed_ms", "is required for hover"));
    }

    @Test
    void mouseMoveWithoutXAndYReportsBoth() {
      assertThat(violationsOf("{\"type\":\"mouse_move\"}"))
          .containsExactly(
              violation("x", "is required for mouse_move"),
              violation("y", "is required for mouse_move"));
    }

    @Test
    void customWithoutNameIsRejected() {
      assertThat(violationsOf("{\"type\":\"custom\"}"))
          .containsExactly(violation("name", "is required for custom"));
    }

    @Test
    void customWithBlankNameIsRejected() {
      assertThat(violationsOf("{\"type\":\"custom\",\"name\":\"\"}"))
          .containsExactly(violation("name", "must not be blank"));
    }

    @Test
    void productViewWithoutProductIsRejected() {
      assertThat(violationsOf("{\"type\":\"product_view\"}"))
          .containsExactly(violation("product.id", "is required for product_view"));
    }

    @Test
    void addToCartWithProductButNoIdIsRejected() {
      assertThat(violationsOf("{\"type\":\"add_to_cart\",\"product\":{\"name\":\"Lamp\"}}"))
          .containsExactly(violation("product.id", "is required for add_to_cart"));
    }

    @Test
    void purchaseWithoutProductReportsIdAndPrice() {
      assertThat(violationsOf("{\"type\":\"purchase\"}"))
          .containsExactly(
              violation("product.id", "is required for purchase"),
              violation("product.price", "is required for purchase"));
    }

    @Test
    void purchaseWithoutPriceIsRejected() {
      assertThat(violationsOf("{\"type\":\"purchase\",\"product\":{\"id\":\"sku-42\"}}"))
          .containsExactly(violation("product.price", "is required for purchase"));
    }

    @Test
    void identifyWithoutUserIdIsRejected() {
      assertThat(violationsOf("{\"type\":\"identify\"}"))
          .containsExactly(violation("user_id", "is required for identify"));
    }

    @Test
    void identifyWithBlankUserIdIsRejected() {
      assertThat(violationsOf("{\"type\":\"identify\",\"user_id\":\" \"}"))
          .containsExactly(violation("user_id", "must not be blank"));
    }

    @Test
    void requiredFieldOfTheWrongJsonTypeIsReportedOnceAsWrongType() {
      assertThat(violationsOf("{\"type\":\"pageview\",\"url\":42}"))
          .containsExactly(violation("url", "must be a string"));
    }

    @Test
    void requiredFieldThatIsJsonNullIsMissing() {
      assertThat(violationsOf("{\"type\":\"pageview\",\"url\":null}"))
          .containsExactly(violation("url", "is required for pageview"));
    }

    @Test
    void purchaseWhoseProductIsNotAnObjectReportsOnlyTheShape() {
      assertThat(violationsOf("{\"type\":\"purchase\",\"product\":\"sku-42\"}"))
          .containsExactly(violation("product", "must be an object"));
    }
  }

  @Nested
  class SizeLimits {
    private static String pageviewWithTitle(String title) {
      return "{\"type\":\"pageview\",\"url\":\"https://shop.example/\",\"title\":\""
          + title
          + "\"}";
    }

    private static String sessionStartWithProps(int count) {
      StringBuilder props = new StringBuilder();
      for (int i = 0; i < count; i++) {
        props.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
      }
      return "{\"type\":\"session_start\",\"props\":{" + props + "}}";
    }

    @Test
    void limitsHaveTheDocumentedValues() {
      assertThat(Limits.MAX_EVENT_BYTES).isEqualTo(16384);
      assertThat(Limits.MAX_STRING_CHARS).isEqualTo(2048);
      assertThat(Limits.MAX_PROPS).isEqualTo(32);
      assertThat(Limits.MAX_PROP_KEY_CHARS).isEqualTo(128);
      assertThat(Limits.MAX_BATCH_EVENTS).isEqualTo(500);
      assertThat(Limits.MAX_BATCH_BYTES).isEqualTo(1048576);
    }

    @Test
    void stringOfExactly2048CharactersIsAccepted() {
      assertThat(violationsOf(pageviewWithTitle(repeat("a", 2048)))).isEmpty();
    }

    @Test
    void stringOf2049CharactersIsRejected() {
      assertThat(violationsOf(pageviewWithTitle(repeat("a", 2049))))
          .containsExactly(violation("title", "must be at most 2048 characters"));
    }

    @Test
    void charactersAreCountedAsCodePointsNotUtf16Units() {
      assertThat(violationsOf(pageviewWithTitle(repeat("😀", 2048)))).isEmpty();
      assertThat(violationsOf(pageviewWithTitle(repeat("😀", 2049))))
          .containsExactly(violation("title", "must be at most 2048 characters"));
    }

    @Test
    void tooLongUrlIsReportedByLengthOnly() {
      String url = "https://shop.example/" + repeat("a", 2048 - 21 + 1);
      assertThat(violationsOf("{\"type\":\"pageview\",\"url\":\"" + url + "\"}"))
          .containsExactly(violation("url", "must be at most 2048 characters"));
    }

    @Test
    void propValueAndProductFieldsAreLimitedToo() {
      String ok = repeat("p", 2048);
      String tooLong = repeat("p", 2049);
      assertThat(
              violationsOf(
                  "{\"type\":\"product_view\",\"props\":{\"plan\":\"%s\"},\"product\":{\"id\":\"%s\",\"name\":\"%s\"}}"
                      .formatted(ok, ok, ok)))
          .isEmpty();
      assertThat(
              violationsOf(
                  "{\"type\":\"product_view\",\"props\":{\"plan\":\"%s\"},\"product\":{\"id\":\"%s\",\"name\":\"%s\"}}"
                      .formatted(tooLong, tooLong, tooLong)))
          .containsExactly(
              violation("props.plan", "must be at most 2048 characters"),
              violation("product.id", "must be at most 2048 characters"),
              violation("product.name", "must be at most 2048 characters"));
    }

    @Test
    void thirtyTwoPropsAreAccepted() {
      assertThat(violationsOf(sessionStartWithProps(32))).isEmpty();
    }

    @Test
    void thirtyThreePropsAreRejected() {
      assertThat(violationsOf(sessionStartWithProps(33)))
          .containsExactly(violation("props", "must have at most 32 keys (has 33)"));
    }

    @Test
    void propKeyOf128CharactersIsAcceptedAnd129Rejected() {
      String key128 = repeat("k", 128);
      String key129 = repeat("k", 129);
      assertThat(violationsOf("{\"type\":\"session_start\",\"props\":{\"" + key128 + "\":1}}"))
          .isEmpty();
      assertThat(violationsOf("{\"type\":\"session_start\",\"props\":{\"" + key129 + "\":1}}"))
          .containsExactly(
              violation("props." + key128 + "…", "key must be at most 128 characters"));
    }

    /** A pageview padded through an unknown field to exactly {@code bytes} of compact JSON. */
    private static ObjectNode pageviewOfSize(int bytes) {
      ObjectNode event = Json.MAPPER.createObjectNode();
      event.put("type", "pageview").put("url", "https://shop.example/").put("pad", "");
      int unpadded = Json.toBytes(event).length;
      event.put("pad", repeat("x", bytes - unpadded));
      assertThat(Json.toBytes(event)).hasSize(bytes);
      return event;
    }

    @Test
    void eventOfExactly16384BytesIsAccepted() {
      assertThat(EventValidator.validate(pageviewOfSize(16384))).isEmpty();
    }

    @Test
    void eventOf16385BytesIsRejected() {
      assertThat(EventValidator.validate(pageviewOfSize(16385)))
          .containsExactly(violation("event", "must be at most 16384 bytes of json (is 16385)"));
    }
  }

  @Nested
  class MalformedShapes {
    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"type\":\"pageview\"}]", "\"pageview\"", "42", "null", ""})
    void eventThatIsNotAnObjectIsRejected(String json) {
      assertThat(violationsOf(json)).containsExactly(violation("event", "must be a json object"));
    }

    @Test
    void typeThatIsNotAStringIsRejected() {
      assertThat(violationsOf("{\"type\":1}"))
          .containsExactly(violation("type", "must be a string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pageviews", "PAGEVIEW", "", "urlchange"})
    void unknownTypeIsRejectedListingTheKnownOnes(String type) {
      assertThat(violationsOf("{\"type\":\"" + type + "\"}"))
          .containsExactly(
              violation(
                  "type",
                  "must be one of pageview, click, hover, mouse_move, custom, product_view,"
                      + " add_to_cart, purchase, identify, session_start, session_end"));
    }

    @Test
    void tsAsStringIsRejected() {
      assertThat(violationsOf("{\"type\":\"session_start\",\"ts\":\"1732272000123\"}"))
          .containsExactly(violation("ts", "must be an integer"));
    }

    @Test
    void tsAsFloatIsRejected() {
      assertThat(violationsOf("{\"type\":\"session_start\",\"ts\":1732272000123.5}"))
          .containsExactly(violation("ts", "must be an integer"));
    }

    @Test
    void negativeTsIsRejected() {
      assertThat(violationsOf("{\"type\":\"session_start\",\"ts\":-1}"))
          .containsExactly(violation("ts", "must not be negative"));
    }

    @Test
    void zeroTsIsAccepted() {
      assertThat(violationsOf("{\"type\":\"session_start\",\"ts\":0}")).isEmpty();
    }

    @Test
    void tsBeyondSixtyFourBitsIsRejected() {
      assertThat(violationsOf("{\"type\":\"session_start\",\"ts\":9223372036854775808}"))
          .containsExactly(violation("ts", "must be at most 9223372036854775807"));
    }

    @Test
    void xAsFloatIsRejected() {
      assertThat(violationsOf("{\"type\":\"mouse_move\",\"x\":1.5,\"y\":2}"))
          .containsExactly(violation("x", "must be an integer"));
    }

    @Test
    void yBeyondIntRangeIsRejected() {
      assertThat(violationsOf("{\"type\":\"mouse_move\",\"x\":1,\"y\":2147483648}"))
          .containsExactly(violation("y", "must be at most 2147483647"));
    }

    @Test
    void negativeElapsedMsIsRejected() {
      assertThat(violationsOf("{\"type\":\"hover\",\"target\":\"#buy\",\"elapsed_ms\":-1}"))
          .containsExactly(violation("elapsed_ms", "must not be negative"));
    }

    @Test
    void propsThatIsNotAnObjectIsRejected() {
      assertThat(violationsOf("{\"type\":\"session_start\",\"props\":[\"plan\"]}"))
          .containsExactly(violation("props", "must be an object"));
    }

    @Test
    void nestedPropValuesAreRejectedNamingTheKey() {
      assertThat(
              violationsOf(
                  "{\"type\":\"session_start\",\"props\":{\"ok\":1.5,\"flag\":true,\"none\":null,"
                      + "\"plan\":{\"tier\":\"pro\"},\"tags\":[\"a\"]}}"))
          .containsExactly(
              violation("props.plan", "must be a string, number, boolean or null"),
              violation("props.tags", "must be a string, number, boolean or null"));
    }

    @Test
    void productThatIsNotAnObjectIsRejected() {
      assertThat(violationsOf("{\"type\":\"session_start\",\"product\":[1]}"))
          .containsExactly(violation("product", "must be an object"));
    }

    @Test
    void negativePriceIsRejected() {
      assertThat(
              violationsOf(
                  "{\"type\":\"purchase\",\"product\":{\"id\":\"sku-42\",\"price\":-0.01}}"))
          .containsExactly(violation("product.price", "must not be negative"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"NaN\"", "\"19.99\"", "true"})
    void priceThatIsNotAJsonNumberIsRejected(String price) {
      assertThat(
              violationsOf(
                  "{\"type\":\"purchase\",\"product\":{\"id\":\"sku-42\",\"price\":"
                      + price
                      + "}}"))
          .containsExactly(violation("product.price", "must be a number"));
    }

    @Test
    void priceThatOverflowsToInfinityIsRejected() {
      assertThat(
              violationsOf(
                  "{\"type\":\"purchase\",\"product\":{\"id\":\"sku-42\",\"price\":1e400}}"))
          .containsExactly(violation("product.price", "must be a finite number"));
    }

    @Test
    void quantityZeroIsRejected() {
      assertThat(
              violationsOf(
                  "{\"type\":\"purchase\",\"product\":{\"id\":\"sku-42\",\"price\":1,\"quantity\":0}}"))
          .containsExactly(violation("product.quantity", "must be at least 1"));
    }

    @Test
    void fractionalQuantityIsRejected() {
      assertThat(
              violationsOf(
                  "{\"type\":\"purchase\",\"product\":{\"id\":\"sku-42\",\"price\":1,\"quantity\":1.5}}"))
          .containsExactly(violation("product.quantity", "must be an integer"));
    }

    @Test
    void emptyProductIdIsRejected() {
      assertThat(violationsOf("{\"type\":\"product_view\",\"product\":{\"id\":\"\"}}"))
          .containsExactly(violation("product.id", "must not be empty"));
    }

    @Test
    void numericProductIdIsRejected() {
      assertThat(violationsOf("{\"type\":\"product_view\",\"product\":{\"id\":42}}"))
          .containsExactly(violation("product.id", "must be a string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "€", "E1R"})
    void currencyThatIsNotThreeUpperCaseLettersIsRejected(String currency) {
      assertThat(
              violationsOf(
                  "{\"type\":\"product_view\",\"product\":{\"id\":\"sku-42\",\"currency\":\""
                      + currency
                      + "\"}}"))
          .containsExactly(
              violation("product.currency", "must be a 3-letter upper-case currency code"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "9b2f1c4e-8a3d-4f6b-9c1e-2d3f4a5b6c7d", // v4
          "9B2F1C4E-8A3D-4F6B-9C1E-2D3F4A5B6C7D", // upper case
          "c232ab00-9414-11ec-b3c8-9f6bdeced846", // v1
          "00000000-0000-0000-0000-000000000000" // nil
        })
    void idInCanonicalUuidFormOfAnyVersionIsAccepted(String id) {
      assertThat(violationsOf("{\"type\":\"session_start\",\"id\":\"" + id + "\"}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "not-a-uuid",
          "9b2f1c4e8a3d4f6b9c1e2d3f4a5b6c7d",
          "{9b2f1c4e-8a3d-4f6b-9c1e-2d3f4a5b6c7d}",
          "9b2f1c4e-8a3d-4f6b-9c1e-2d3f4a5b6c7g",
          ""
        })
    void idThatIsNotACanonicalUuidIsRejected(String id) {
      assertThat(violationsOf("{\"type\":\"session_start\",\"id\":\"" + id + "\"}"))
          .containsExactly(violation("id", "must be a uuid (8-4-4-4-12 hex digits)"));
    }

    @Test
    void numericIdIsRejected() {
      assertThat(violationsOf("{\"type\":\"session_start\",\"id\":42}"))
          .containsExactly(violation("id", "must be a string"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://shop.example/",
          "http://shop.example",
          "HTTPS://Shop.Example/Products/42",
          "https://shop.example:8443/p?q=a|b#top",
          "https://user:pw@shop.example/",
          "http://[::1]:8080/",
          "https://bücher.example/straße",
          "http://localhost:3000/checkout"
        })
    void absoluteHttpUrlIsAccepted(String url) {
      assertThat(violationsOf("{\"type\":\"pageview\",\"url\":\"" + url + "\"}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/products/42",
          "shop.example/products/42",
          "//shop.example/products/42",
          "javascript:alert(1)",
          "data:text/html,hi",
          "ftp://shop.example/file",
          "https://",
          "https:///products",
          "https://shop example/",
          "https://shop.example/a b",
          "https://shop.example:port/",
          ""
        })
    void urlThatIsNotAnAbsoluteHttpUrlIsRejected(String url) {
      assertThat(violationsOf("{\"type\":\"pageview\",\"url\":\"" + url + "\"}"))
          .containsExactly(violation("url", "must be an absolute http(s) url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://www.google.com/", "android-app://com.google.android.gm/"})
    void referrerThatIsEmptyOrAbsoluteIsAccepted(String referrer) {
      assertThat(violationsOf("{\"type\":\"session_start\",\"referrer\":\"" + referrer + "\"}"))
          .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "/search?q=lamp", "javascript:void(0)", " "})
    void referrerThatIsNeitherEmptyNorAbsoluteIsRejected(String referrer) {
      assertThat(violationsOf("{\"type\":\"session_start\",\"referrer\":\"" + referrer + "\"}"))
          .containsExactly(violation("referrer", "must be empty or an absolute url"));
    }

    @Test
    void nonStringTextFieldsAreRejected() {
      assertThat(
              violationsOf(
                  "{\"type\":\"session_end\",\"title\":1,\"target\":true,\"name\":[],"
                      + "\"user_id\":{},\"reason\":2,\"referrer\":false}"))
          .containsExactly(
              violation("referrer", "must be a string"),
              violation("title", "must be a string"),
              violation("target", "must be a string"),
              violation("name", "must be a string"),
              violation("user_id", "must be a string"),
              violation("reason", "must be a string"));
    }
  }

  @Nested
  class MultipleViolations {
    @Test
    void everyViolationIsReportedTogetherInAStableOrder() {
      List<Violation> violations =
          violationsOf(
              """
              { "id": "nope", "type": "purchase", "ts": "now", "url": "/cart",
                "x": 1.5, "props": {"plan": {"tier": "pro"}},
                "product": {"price": -1, "quantity": 0, "currency": "eur"} }
              """);

      assertThat(violations)
          .containsExactly(
              violation("id", "must be a uuid (8-4-4-4-12 hex digits)"),
              violation("product.id", "is required for purchase"),
              violation("ts", "must be an integer"),
              violation("url", "must be an absolute http(s) url"),
              violation("x", "must be an integer"),
              violation("props.plan", "must be a string, number, boolean or null"),
              violation("product.price", "must not be negative"),
              violation("product.currency", "must be a 3-letter upper-case currency code"),
              violation("product.quantity", "must be at least 1"));
    }

    @Test
    void unknownTypeStillReportsTheOtherFields() {
      assertThat(violationsOf("{\"type\":\"tap\",\"x\":\"1\"}"))
          .containsExactly(
              violation(
                  "type",
                  "must be one of pageview, click, hover, mouse_move, custom, product_view,"
                      + " add_to_cart, purchase, identify, session_start, session_end"),
              violation("x", "must be an integer"));
    }

    @Test
    void violationsJoinIntoOneRejectionReason() {
      assertThat(Violation.describe(violationsOf("{\"type\":\"mouse_move\",\"x\":1.5}")))
          .isEqualTo("y is required for mouse_move; x must be an integer");
    }
  }
}
