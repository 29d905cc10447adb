package io.clickstream.topology.retention;

import java.util.List;

/**
 * The UTC ISO weeks (their start, ascending) in which a visitor had an event; the first is the
 * cohort.
 */
public record ActiveWeeks(List<Long> weeks) {}
