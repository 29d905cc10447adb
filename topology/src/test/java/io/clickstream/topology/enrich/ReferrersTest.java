package io.clickstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferrersTest {
  private static final String PAGE = "https://shop.example/products/42";

  @Test
  void anotherSiteIsNamedByItsHostWithoutWww() {
    assertThat(Referrers.entryReferrer("https://www.google.com/", PAGE)).isEqualTo("google.com");
  }

  @Test
  void theReferrerHostIsLowerCased() {
    assertThat(Referrers.entryReferrer("https://News.YCombinator.com/item?id=1", PAGE))
        .isEqualTo("news.ycombinator.com");
  }

  @Test
  void theSameSiteIsDirect() {
    assertThat(Referrers.entryReferrer("https://shop.example/cart", PAGE)).isEqualTo("(direct)");
  }

  @Test
  void wwwAndBareHostAreTheSameSite() {
    assertThat(Referrers.entryReferrer("https://www.shop.example/", PAGE)).isEqualTo("(direct)");
    assertThat(Referrers.entryReferrer("https://shop.example/", "https://www.shop.example/"))
        .isEqualTo("(direct)");
  }

  @Test
  void hostsAreComparedIgnoringCase() {
    assertThat(Referrers.entryReferrer("https://SHOP.example/", PAGE)).isEqualTo("(direct)");
  }

  @Test
  void portsAreIgnored() {
    assertThat(Referrers.entryReferrer("http://shop.example:8080/", "https://shop.example:443/"))
        .isEqualTo("(direct)");
  }

  @Test
  void aSubdomainIsAnotherSite() {
    assertThat(Referrers.entryReferrer("https://blog.shop.example/post", PAGE))
        .isEqualTo("blog.shop.example");
  }

  @Test
  void anAndroidAppReferrerIsTheAppPackage() {
    assertThat(Referrers.entryReferrer("android-app://com.google.android.gm/", PAGE))
        .isEqualTo("com.google.android.gm");
  }

  @Test
  void aMissingOrEmptyReferrerIsDirect() {
    assertThat(Referrers.entryReferrer(null, PAGE)).isEqualTo("(direct)");
    assertThat(Referrers.entryReferrer("", PAGE)).isEqualTo("(direct)");
    assertThat(Referrers.entryReferrer("   ", PAGE)).isEqualTo("(direct)");
  }

  @Test
  void aReferrerWithoutAHostIsDirect() {
    assertThat(Referrers.entryReferrer("google.com", PAGE)).isEqualTo("(direct)");
    assertThat(Referrers.entryReferrer("not a url", PAGE)).isEqualTo("(direct)");
    assertThat(Referrers.entryReferrer("about:blank", PAGE)).isEqualTo("(direct)");
  }

  @Test
  void aReferrerThatJavaNetUriRefusesIsStillNamed() {
    assertThat(Referrers.entryReferrer("https://www.bing.com/search?q=desk lamp|cheap", PAGE))
        .isEqualTo("bing.com");
  }

  @Test
  void aPageWithoutAHostLeavesTheReferrerNamed() {
    assertThat(Referrers.entryReferrer("https://www.google.com/", null)).isEqualTo("google.com");
    assertThat(Referrers.entryReferrer("https://www.google.com/", "/products/42"))
        .isEqualTo("google.com");
  }
}
