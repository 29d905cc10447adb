package io.clickstream.topology.mirror;

/**
 * One absolute value for the serving copy: field {@code field} of hash {@code key} = {@code value},
 * (null: delete the field), the key expiring after {@code ttlSeconds} (0: never), and a PUBLISH on
 * {@code channel} (null: none) once it is written.
 */
public record MirrorWrite(
    String key, String field, byte[] value, long ttlSeconds, String channel) {}
