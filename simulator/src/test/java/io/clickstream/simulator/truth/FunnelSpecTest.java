package io.clickstream.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.model.Product;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunnelSpecTest {
  @TempDir Path dir;

  @Test
  void readsTheMetadataApisFunnelShapeAndMatchesEachField() throws Exception {
    Path file = dir.resolve("funnel.json");
    Files.writeString(
        file,
        """
        {"name": "ignored", "window_ms": 600000, "steps": [
          {"type": "pageview", "match": {"path": "/products/*"}, "label": "Product"},
          {"type": "click", "match": {"target": "#add-to-cart"}},
          {"type": "custom", "match": {"name": "checkout"}},
          {"type": "purchase", "match": {"product_id": "sku-1"}}]}
        """);

    FunnelSpec spec = FunnelSpec.read(file);

    assertThat(spec.windowMs()).isEqualTo(600_000);
    assertThat(spec.matches(0, event(EventType.PAGEVIEW).build(), "/products/lamp")).isTrue();
    assertThat(spec.matches(0, event(EventType.PAGEVIEW).build(), "/products/lamp/reviews"))
        .isTrue();
    assertThat(spec.matches(0, event(EventType.PAGEVIEW).build(), "/products")).isFalse();
    assertThat(spec.matches(0, event(EventType.CLICK).build(), "/products/lamp")).isFalse();
    assertThat(spec.matches(1, event(EventType.CLICK).target("#add-to-cart").build(), "/"))
        .isTrue();
    assertThat(spec.matches(1, event(EventType.CLICK).target("#buy").build(), "/")).isFalse();
    assertThat(spec.matches(2, event(EventType.CUSTOM).name("checkout").build(), null)).isTrue();
    assertThat(spec.matches(3, purchase("sku-1"), null)).isTrue();
    assertThat(spec.matches(3, purchase("sku-2"), null)).isFalse();
  }

  @Test
  void aGlobIsLiteralApartFromItsStars() throws Exception {
    Path file = dir.resolve("funnel.json");
    Files.writeString(
        file,
        """
        {"window_ms": 1000, "steps": [
          {"type": "pageview", "match": {"path": "/a.b/*/c"}}, {"type": "pageview"}]}
        """);

    FunnelSpec spec = FunnelSpec.read(file);

    assertThat(spec.matches(0, event(EventType.PAGEVIEW).build(), "/a.b/x/y/c")).isTrue();
    assertThat(spec.matches(0, event(EventType.PAGEVIEW).build(), "/aXb/x/c")).isFalse();
    assertThat(spec.matches(1, event(EventType.PAGEVIEW).build(), "/anything")).isTrue();
  }

  @Test
  void aFunnelNeedsTwoStepsAndAWindow() throws Exception {
    Path file = dir.resolve("funnel.json");
    Files.writeString(file, "{\"window_ms\": 1000, \"steps\": [{\"type\": \"pageview\"}]}");

    assertThatThrownBy(() -> FunnelSpec.read(file))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  private static Event purchase(String productId) {
    return event(EventType.PURCHASE).product(new Product(productId, null, 1.0, "EUR", 1)).build();
  }

  private static Event.Builder event(EventType type) {
    return Event.builder().id("e").type(type).ts(1);
  }
}
