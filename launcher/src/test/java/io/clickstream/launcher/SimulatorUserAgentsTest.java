package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.clickstream.simulator.behaviour.Catalog;
import io.clickstream.topology.enrich.ClientInfo;
import io.clickstream.topology.enrich.UserAgentParser;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulator's truth leaves out exactly the events it sent with a bot's User-Agent: that holds
 * only while the topology's parser agrees about every User-Agent of the simulator's catalogue.
 */
class SimulatorUserAgentsTest {
  private final UserAgentParser parser = UserAgentParser.shared();

  @Test
  void theTopologyTakesEveryBrowserOfTheCatalogueForAPerson() {
    Set<String> devices = new HashSet<>();
    Set<String> browsers = new HashSet<>();
    for (String userAgent : Catalog.BROWSERS.values()) {
      ClientInfo client = parser.parse(userAgent);
      assertThat(client.bot()).as(userAgent).isFalse();
      assertThat(Catalog.isBot(userAgent)).isFalse();
      devices.add(client.device());
      browsers.add(client.browser());
    }
    assertThat(devices).contains("desktop", "mobile", "tablet");
    assertThat(browsers).contains("Chrome", "Safari", "Firefox", "Edge");
  }

  @Test
  void theTopologyTakesEveryBotOfTheCatalogueForABot() {
    for (String userAgent : Catalog.BOTS.values()) {
      assertThat(parser.parse(userAgent).bot()).as(userAgent).isTrue();
      assertThat(Catalog.isBot(userAgent)).isTrue();
    }
  }
}
