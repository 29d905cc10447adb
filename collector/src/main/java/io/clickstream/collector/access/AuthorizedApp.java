package io.clickstream.collector.access;

import io.clickstream.model.config.AppConfig;

/** An app whose token checked out: signed by us, not expired, not revoked, app not deleted. */
public record AuthorizedApp(String appId, String tokenId, AppConfig config) {}
