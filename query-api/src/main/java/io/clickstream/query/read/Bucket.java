package io.clickstream.query.read;

import io.clickstream.platform.time.Interval;

/** One stored bucket: a size and its start (epoch ms, UTC). */
public record Bucket(Interval interval, long start) {}
