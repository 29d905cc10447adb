package io.clickstream.topology.aggregate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * For stage 2: add {@code amount} (may be negative) to field {@code field} of the serving hash
 * {@code key}, kept in the day bucket {@code day}. For counters outside the minute/hour/day layout:
 * funnel steps per day the attempt started, retention per cohort week (see {@link
 * ServingAggregates}).
 */
public record ServingCount(
    @JsonProperty("app_id") String appId, String key, String field, long day, long amount)
    implements StageRecord.Delta {}
