package io.clickstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Real User-Agent strings through the shared parser (built once per test JVM: a few seconds). */
class UserAgentParserTest {
  private final UserAgentParser parser = UserAgentParser.shared();

  private ClientInfo parse(String userAgent) {
    return parser.parse(userAgent);
  }

  // Bots

  @Test
  void googlebotIsABot() {
    assertThat(parse("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
        .isEqualTo(new ClientInfo("Googlebot", "Other", "other", true));
  }

  @Test
  void googlebotSmartphoneIsABotDespiteItsAndroidChromeString() {
    assertThat(
            parse(
                "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36"
                    + " (KHTML, like Gecko) Chrome/120.0.6099.199 Mobile Safari/537.36"
                    + " (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
        .isEqualTo(new ClientInfo("Googlebot", "Other", "other", true));
  }

  @Test
  void bingbotIsABot() {
    assertThat(parse("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"))
        .isEqualTo(new ClientInfo("Bingbot", "Other", "other", true));
  }

  @Test
  void ahrefsBotIsABot() {
    assertThat(parse("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"))
        .isEqualTo(new ClientInfo("AhrefsBot", "Other", "other", true));
  }

  @Test
  void headlessChromeIsABotWithItsRealBrowserOsAndDevice() {
    assertThat(
            parse(
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " HeadlessChrome/120.0.6099.109 Safari/537.36"))
        .isEqualTo(new ClientInfo("Chrome", "Linux", "desktop", true));
  }

  @Test
  void curlIsABot() {
    assertThat(parse("curl/8.5.0")).isEqualTo(new ClientInfo("Curl", "Other", "other", true));
  }

  @Test
  void pythonRequestsIsABot() {
    assertThat(parse("python-requests/2.31.0"))
        .isEqualTo(new ClientInfo("Python-Requests", "Other", "other", true));
  }

  @Test
  void lighthouseIsABotThoughTheLibraryCallsItABrowser() {
    assertThat(
            parse(
                "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36"
                    + " (KHTML, like Gecko) Chrome/112.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse"))
        .isEqualTo(new ClientInfo("Chrome", "Android", "mobile", true));
  }

  @Test
  void linkPreviewFetchersAreBots() {
    assertThat(parse("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"))
        .isEqualTo(new ClientInfo("Facebookexternalhit", "Other", "other", true));
  }

  @Test
  void aMissingOrBlankUserAgentIsABot() {
    assertThat(parse(null)).isEqualTo(new ClientInfo("Other", "Other", "other", true));
    assertThat(parse("")).isEqualTo(new ClientInfo("Other", "Other", "other", true));
    assertThat(parse("  ")).isEqualTo(new ClientInfo("Other", "Other", "other", true));
  }

  @Test
  void anInjectionAttemptIsABotOfUnknownKind() {
    assertThat(parse("' OR 1=1 --")).isEqualTo(new ClientInfo("Other", "Other", "other", true));
  }

  // People

  @Test
  void chromeOnWindowsDesktop() {
    assertThat(
            parse(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/124.0.0.0 Safari/537.36"))
        .isEqualTo(new ClientInfo("Chrome", "Windows", "desktop", false));
  }

  @Test
  void firefoxOnLinuxDesktop() {
    assertThat(parse("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"))
        .isEqualTo(new ClientInfo("Firefox", "Linux", "desktop", false));
  }

  @Test
  void firefoxOnUbuntuCountsAsLinux() {
    assertThat(
            parse("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"))
        .isEqualTo(new ClientInfo("Firefox", "Linux", "desktop", false));
  }

  @Test
  void safariOnMacOsDesktop() {
    assertThat(
            parse(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15"
                    + " (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15"))
        .isEqualTo(new ClientInfo("Safari", "macOS", "desktop", false));
  }

  @Test
  void mobileSafariOnIphoneIsSafariOnIosMobile() {
    assertThat(
            parse(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15"
                    + " (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1"))
        .isEqualTo(new ClientInfo("Safari", "iOS", "mobile", false));
  }

  @Test
  void safariOnIpadIsATablet() {
    assertThat(
            parse(
                "Mozilla/5.0 (iPad; CPU OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15"
                    + " (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1"))
        .isEqualTo(new ClientInfo("Safari", "iOS", "tablet", false));
  }

  @Test
  void chromeOnIphoneIsChrome() {
    assertThat(
            parse(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
                    + " (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1"))
        .isEqualTo(new ClientInfo("Chrome", "iOS", "mobile", false));
  }

  @Test
  void chromeOnAnAndroidPhone() {
    assertThat(
            parse(
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/124.0.6367.82 Mobile Safari/537.36"))
        .isEqualTo(new ClientInfo("Chrome", "Android", "mobile", false));
  }

  @Test
  void chromesReducedAndroidStringWithoutMobileIsATablet() {
    assertThat(
            parse(
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/124.0.0.0 Safari/537.36"))
        .isEqualTo(new ClientInfo("Chrome", "Android", "tablet", false));
  }

  @Test
  void samsungInternetOnAnAndroidTablet() {
    assertThat(
            parse(
                "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " SamsungBrowser/24.0 Chrome/117.0.0.0 Safari/537.36"))
        .isEqualTo(new ClientInfo("Samsung Internet", "Android", "tablet", false));
  }

  @Test
  void samsungInternetOnAnAndroidPhone() {
    assertThat(
            parse(
                "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36"))
        .isEqualTo(new ClientInfo("Samsung Internet", "Android", "mobile", false));
  }

  @Test
  void edgeOnWindows() {
    assertThat(
            parse(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80"))
        .isEqualTo(new ClientInfo("Edge", "Windows", "desktop", false));
  }

  @Test
  void operaOnAndroidIsOpera() {
    assertThat(
            parse(
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/124.0.0.0 Mobile Safari/537.36 OPR/81.0.0.0"))
        .isEqualTo(new ClientInfo("Opera", "Android", "mobile", false));
  }

  @Test
  void chromeOnAChromebook() {
    assertThat(
            parse(
                "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/124.0.0.0 Safari/537.36"))
        .isEqualTo(new ClientInfo("Chrome", "ChromeOS", "desktop", false));
  }

  @Test
  void aCubotPhoneIsNotABot() {
    assertThat(
            parse(
                "Mozilla/5.0 (Linux; Android 9; CUBOT_X19) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/120.0.0.0 Mobile Safari/537.36"))
        .isEqualTo(new ClientInfo("Chrome", "Android", "mobile", false));
  }

  @Test
  void aTelevisionIsAnOtherDevice() {
    assertThat(
            parse(
                "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36"))
        .isEqualTo(new ClientInfo("Samsung Internet", "Tizen", "other", false));
  }

  @Test
  void theSameUserAgentIsAnalysedOnce() {
    String userAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0";

    assertThat(parse(userAgent)).isSameAs(parse(userAgent));
  }
}
