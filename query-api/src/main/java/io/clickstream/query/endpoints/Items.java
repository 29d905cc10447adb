package io.clickstream.query.endpoints;

import java.util.List;

/** {@code {"items": [...]}}, the body of the list endpoints. */
public record Items<T>(List<T> items) {}
