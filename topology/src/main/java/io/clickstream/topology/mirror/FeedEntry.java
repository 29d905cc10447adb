package io.clickstream.topology.mirror;

/**
 * One member for a capped sorted set of the serving copy (the activity feed): ZADD {@code member}
 * with {@code score} to {@code key}, then keep only the {@code capacity} highest scores. Adding the
 * same member with the same score twice is harmless.
 */
public record FeedEntry(String key, byte[] member, double score, int capacity) {}
