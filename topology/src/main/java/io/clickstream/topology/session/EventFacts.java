package io.clickstream.topology.session;

/**
 * What enrichment derived from one event, computed once and used by every rule.
 *
 * @param path the path of the event's URL, or null when it has none
 * @param referrer the entry-referrer key if this pageview starts a session (DESIGN §4)
 * @param campaign the campaign key {@code source/medium/campaign}, or null without UTM
 */
public record EventFacts(
    String path,
    String referrer,
    String campaign,
    String browser,
    String os,
    String device,
    boolean bot) {}
