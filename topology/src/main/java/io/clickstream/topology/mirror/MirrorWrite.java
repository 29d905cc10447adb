package io.clickstream.topology.mirror;

/**
 * One absolute value for the serving copy: hash {@code key}, field {@code field} = {@code value}.
 */
public record MirrorWrite(String key, String field, long value) {}
