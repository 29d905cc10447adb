package io.clickstream.topology.aggregate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * For stage 2: add {@code values} to the quantile sketch in field {@code field} of the serving hash
 * {@code key}, kept in the day bucket {@code day}: funnel times to convert (see {@link
 * ServingAggregates}).
 */
public record ServingSample(
    @JsonProperty("app_id") String appId, String key, String field, long day, List<Double> values)
    implements StageRecord.Delta {}
