package io.clickstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BotSignalsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
        "Mozilla/5.0 (compatible; SiteAuditCrawler/1.0)",
        "Baiduspider+(+http://www.baidu.com/search/spider.htm)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse",
        "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1",
        "curl/8.5.0",
        "Wget/1.21.4",
        "python-requests/2.31.0",
        "Python-urllib/3.11",
        "Go-http-client/2.0",
        "okhttp/4.12.0",
      })
  void automationMarkersAreFound(String userAgent) {
    assertThat(BotSignals.hasMarker(userAgent)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1",
        // Cubot is a phone brand, not a bot.
        "Mozilla/5.0 (Linux; Android 9; CUBOT_X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
        // A tool's name in the middle of a browser's string is not the tool making the request.
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0 curl/8.0",
      })
  void browsersCarryNoMarker(String userAgent) {
    assertThat(BotSignals.hasMarker(userAgent)).isFalse();
  }

  @Test
  void robotAgentOrDeviceClassesAreBots() {
    assertThat(BotSignals.isRobotClass("Robot", "Desktop")).isTrue();
    assertThat(BotSignals.isRobotClass("Cloud Application", "Desktop")).isTrue();
    assertThat(BotSignals.isRobotClass("Special", "Robot")).isTrue();
    assertThat(BotSignals.isRobotClass("Robot", "Robot Imitator")).isTrue();
    assertThat(BotSignals.isRobotClass("Hacker", "Hacker")).isTrue();
  }

  @Test
  void browsersAppsAndSpecialClientsAreNotBotsByClass() {
    assertThat(BotSignals.isRobotClass("Browser", "Desktop")).isFalse();
    assertThat(BotSignals.isRobotClass("Browser Webview", "Phone")).isFalse();
    assertThat(BotSignals.isRobotClass("Mobile App", "Tablet")).isFalse();
    // yauaa's "Special" covers in-app browsers such as Instagram's and podcast players.
    assertThat(BotSignals.isRobotClass("Special", "Tablet")).isFalse();
    assertThat(BotSignals.isRobotClass(null, null)).isFalse();
  }
}
