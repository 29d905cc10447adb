package io.clickstream.topology.session;

import io.clickstream.model.Event;
import io.clickstream.model.EventType;
import io.clickstream.topology.enrich.Campaign;
import io.clickstream.topology.enrich.ClientInfo;
import io.clickstream.topology.enrich.Paths;
import io.clickstream.topology.enrich.Referrers;
import io.clickstream.topology.enrich.UserAgentParser;

/** Derives an event's {@link EventFacts} with the enrich package's rules. */
public final class Enricher {
  private final UserAgentParser userAgents;

  public Enricher(UserAgentParser userAgents) {
    this.userAgents = userAgents;
  }

  public EventFacts facts(Event event) {
    ClientInfo client = userAgents.parse(event.userAgent());
    String path = event.url() == null ? null : Paths.of(event.url());
    String referrer = null;
    String campaign = null;
    if (event.type() == EventType.PAGEVIEW) {
      referrer = Referrers.entryReferrer(event.referrer(), event.url());
      campaign = Campaign.fromUrl(event.url()).map(Campaign::key).orElse(null);
    }
    return new EventFacts(
        path, referrer, campaign, client.browser(), client.os(), client.device(), client.bot());
  }
}
