package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.simulator.behaviour.Catalog;
import io.clickstream.topology.enrich.ClientInfo;
import io.clickstream.topology.enrich.UserAgentParser;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulator's truth leaves out exactly the events it sent with a bot's User-Agent and breaks
 * sessions down by the browser, OS and device its catalogue names: that holds only while the
 * topology's parser agrees about every User-Agent of the catalogue.
 */
class SimulatorUserAgentsTest {
  private final UserAgentParser parser = UserAgentParser.shared();

  @Test
  void theTopologyDerivesTheCataloguesBrowserOsAndDeviceFromEveryBrowser() {
    Set<String> devices = new HashSet<>();
    for (Catalog.Browser browser : Catalog.BROWSERS.values()) {
      assertThat(parser.parse(browser.userAgent()))
          .as(browser.userAgent())
          .isEqualTo(new ClientInfo(browser.browser(), browser.os(), browser.device(), false));
      assertThat(Catalog.isBot(browser.userAgent())).isFalse();
      devices.add(browser.device());
    }
    assertThat(devices).containsExactlyInAnyOrder("desktop", "mobile", "tablet");
  }

  @Test
  void theTopologyTakesEveryBotOfTheCatalogueForABot() {
    for (String userAgent : Catalog.BOTS.values()) {
      assertThat(parser.parse(userAgent).bot()).as(userAgent).isTrue();
      assertThat(Catalog.isBot(userAgent)).isTrue();
    }
  }
}
