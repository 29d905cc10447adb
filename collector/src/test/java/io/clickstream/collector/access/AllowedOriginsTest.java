package io.clickstream.collector.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.model.config.AppConfig;
import io.clickstream.model.config.AppSettings;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {
  private static final AppConfig SHOP = app("https://Shop.Example/products?x=1");
  private static final AppConfig NO_URL = app(null);

  @Test
  void pagesOfTheAppsOriginMaySend() {
    assertThat(AllowedOrigins.allows(SHOP, "https://shop.example")).isTrue();
    assertThat(AllowedOrigins.allows(SHOP, "https://SHOP.example:443")).isTrue();
  }

  @Test
  void anotherSchemeHostOrPortIsAnotherOrigin() {
    assertThat(AllowedOrigins.allows(SHOP, "http://shop.example")).isFalse();
    assertThat(AllowedOrigins.allows(SHOP, "https://www.shop.example")).isFalse();
    assertThat(AllowedOrigins.allows(SHOP, "https://shop.example:8443")).isFalse();
    assertThat(AllowedOrigins.allows(SHOP, "https://shop.example.evil.example")).isFalse();
    assertThat(AllowedOrigins.allows(SHOP, "null")).isFalse();
  }

  @Test
  void requestsWithoutOriginAndAppsWithoutUrlAreNotLimited() {
    assertThat(AllowedOrigins.allows(SHOP, null)).isTrue();
    assertThat(AllowedOrigins.allows(NO_URL, "https://anywhere.example")).isTrue();
    assertThat(AllowedOrigins.allows(app(" "), "https://anywhere.example")).isTrue();
  }

  private static AppConfig app(String url) {
    return new AppConfig("a", "o", "A", url, false, AppSettings.DEFAULTS, 1);
  }
}
