package io.clickstream.metadata.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a list: its items and the cursor of the next page (absent on the last one). */
public record Page<T>(List<T> items, @JsonProperty("next_cursor") String nextCursor) {}
