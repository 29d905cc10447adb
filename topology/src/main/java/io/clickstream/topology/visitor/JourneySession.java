package io.clickstream.topology.visitor;

/**
 * One session of a visitor's journey as stored: its bounds and how many of its events were seen (at
 * most {@link VisitorJourneyProcessor#MAX_EVENTS_PER_SESSION} of them are kept).
 */
public record JourneySession(long start, long end, int events) {}
