package io.clickstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathsTest {

  @Test
  void queryAndFragmentAreNotPartOfThePath() {
    assertThat(Paths.of("https://shop.example/products/42?utm_source=news#reviews"))
        .isEqualTo("/products/42");
  }

  @Test
  void aUrlWithoutAPathIsTheRoot() {
    assertThat(Paths.of("https://a.example")).isEqualTo("/");
    assertThat(Paths.of("https://a.example?x=1")).isEqualTo("/");
    assertThat(Paths.of("https://a.example#top")).isEqualTo("/");
  }

  @Test
  void theRootStaysTheRoot() {
    assertThat(Paths.of("https://a.example/")).isEqualTo("/");
  }

  @Test
  void aTrailingSlashIsRemoved() {
    assertThat(Paths.of("https://a.example/x/")).isEqualTo("/x");
    assertThat(Paths.of("https://a.example/x/y/?q=1")).isEqualTo("/x/y");
  }

  @Test
  void onlySlashesCollapseToTheRoot() {
    assertThat(Paths.of("https://a.example//")).isEqualTo("/");
    assertThat(Paths.of("https://a.example/x//")).isEqualTo("/x");
  }

  @Test
  void percentEncodingIsKeptAsSent() {
    assertThat(Paths.of("https://a.example/caf%C3%A9/%7Euser")).isEqualTo("/caf%C3%A9/%7Euser");
  }

  @Test
  void caseIsKeptAsSent() {
    assertThat(Paths.of("https://A.example/Products/Lamp")).isEqualTo("/Products/Lamp");
  }

  @Test
  void aPortDoesNotChangeThePath() {
    assertThat(Paths.of("http://localhost:8080/dashboard/")).isEqualTo("/dashboard");
  }

  @Test
  void aUrlWithAnUnescapedSpaceKeepsItsPath() {
    assertThat(Paths.of("https://a.example/my page/?q=a b")).isEqualTo("/my page");
  }

  @Test
  void aUrlWithAPipeKeepsItsPath() {
    assertThat(Paths.of("https://a.example/a|b#x|y")).isEqualTo("/a|b");
  }

  @Test
  void aRefusedUrlWithoutAPathIsTheRootEvenWhenItsQueryHasASlash() {
    assertThat(Paths.of("https://a.example?next=/a b")).isEqualTo("/");
    assertThat(Paths.of("https://a.example#/a|b")).isEqualTo("/");
  }

  @Test
  void aRelativeUrlIsItsOwnPath() {
    assertThat(Paths.of("/checkout/?step=2")).isEqualTo("/checkout");
  }
}
