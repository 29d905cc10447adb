package io.clickstream.query.endpoints;

import io.clickstream.query.auth.AppGuard;
import io.clickstream.query.read.Ranges;
import io.clickstream.query.read.RedisReader;

/** What every metric endpoint works with: the access check, range parsing and Redis. */
public record QueryContext(AppGuard guard, Ranges ranges, RedisReader reader) {}
