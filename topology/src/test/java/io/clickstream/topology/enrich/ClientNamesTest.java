package io.clickstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientNamesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "Chrome, Chrome",
    "Firefox, Firefox",
    "Safari, Safari",
    "Edge, Edge",
    "Opera, Opera",
    "Opera Mobile, Opera",
    "SamsungBrowser, Samsung Internet",
    "Samsung Internet, Samsung Internet",
    "Mobile Safari, Safari",
    "Chrome Mobile, Chrome",
    "Chrome Mobile iOS, Chrome",
    "Firefox Mobile, Firefox",
    "Firefox iOS, Firefox",
    "Edge Mobile, Edge",
    "IE, Internet Explorer",
    "Internet Explorer, Internet Explorer",
    "Yandex Browser, Yandex Browser",
    "Googlebot, Googlebot",
  })
  void browserFamiliesHaveOneName(String parserName, String family) {
    assertThat(ClientNames.browser(parserName)).isEqualTo(family);
  }

  @Test
  void unknownBrowsersAreOther() {
    assertThat(ClientNames.browser(null)).isEqualTo("Other");
    assertThat(ClientNames.browser("")).isEqualTo("Other");
    assertThat(ClientNames.browser("Unknown")).isEqualTo("Other");
    assertThat(ClientNames.browser("Hacker")).isEqualTo("Other");
    assertThat(ClientNames.browser("??")).isEqualTo("Other");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "Windows NT, Windows",
    "Windows 9x, Windows",
    "Windows 10, Windows",
    "Windows, Windows",
    "Windows Phone, Windows Phone",
    "Mac OS, macOS",
    "Mac OS X, macOS",
    "macOS, macOS",
    "iOS, iOS",
    "iPadOS, iOS",
    "iPhone OS, iOS",
    "Android, Android",
    "Chrome OS, ChromeOS",
    "Linux, Linux",
    "Ubuntu, Linux",
    "Fedora, Linux",
    "Gentoo Linux, Linux",
    "Linux Mint, Linux",
    "FreeBSD, FreeBSD",
    "Tizen, Tizen",
  })
  void osFamiliesHaveOneName(String parserName, String family) {
    assertThat(ClientNames.os(parserName, "Desktop")).isEqualTo(family);
  }

  @Test
  void unknownOsAndDataCentresAreOther() {
    assertThat(ClientNames.os(null, null)).isEqualTo("Other");
    assertThat(ClientNames.os("Unknown", "Unknown")).isEqualTo("Other");
    assertThat(ClientNames.os("Hacker", "Hacker")).isEqualTo("Other");
    assertThat(ClientNames.os("Google Cloud", "Cloud")).isEqualTo("Other");
  }
}
