package io.clickstream.topology.mirror;

/** Where in the serving copy one aggregate lives: field {@code field} of hash {@code key}. */
public record MirrorTarget(String key, String field) {}
