package io.clickstream.topology.session;

/** A pageview inside a session: when and which path. */
public record PageviewAt(long ts, String path) {}
