package io.clickstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsTest {

  @Test
  void theHostIsLowerCased() {
    assertThat(Hosts.of("https://WWW.Google.COM/search?q=x")).contains("www.google.com");
  }

  @Test
  void portUserInfoAndTrailingDotAreDropped() {
    assertThat(Hosts.of("http://user:secret@shop.example.:8443/a")).contains("shop.example");
  }

  @Test
  void anIpv6LiteralKeepsItsBrackets() {
    assertThat(Hosts.of("http://[2001:db8::1]:8080/")).contains("[2001:db8::1]");
  }

  @Test
  void anAppReferrerNamesTheApp() {
    assertThat(Hosts.of("android-app://com.google.android.gm/")).contains("com.google.android.gm");
  }

  @Test
  void aUrlThatJavaNetUriRefusesStillHasAHost() {
    assertThat(Hosts.of("https://news.example/a b|c")).contains("news.example");
    assertThat(Hosts.of("https://bücher.example/")).contains("bücher.example");
  }

  @Test
  void theHostEndsAtQueryOrFragment() {
    assertThat(Hosts.of("https://t.co?x=1")).contains("t.co");
    assertThat(Hosts.of("https://t.co#x")).contains("t.co");
  }

  @Test
  void noAbsoluteUrlMeansNoHost() {
    assertThat(Hosts.of(null)).isEmpty();
    assertThat(Hosts.of("")).isEmpty();
    assertThat(Hosts.of("google.com")).isEmpty();
    assertThat(Hosts.of("/relative/path")).isEmpty();
    assertThat(Hosts.of("about:blank")).isEmpty();
    assertThat(Hosts.of("file:///home/me/page.html")).isEmpty();
    assertThat(Hosts.of("https://")).isEmpty();
  }

  @Test
  void withoutWwwRemovesOnlyALeadingWww() {
    assertThat(Hosts.withoutWww("www.google.com")).isEqualTo("google.com");
    assertThat(Hosts.withoutWww("www2.google.com")).isEqualTo("www2.google.com");
    assertThat(Hosts.withoutWww("news.www.example")).isEqualTo("news.www.example");
    assertThat(Hosts.withoutWww("www")).isEqualTo("www");
  }
}
