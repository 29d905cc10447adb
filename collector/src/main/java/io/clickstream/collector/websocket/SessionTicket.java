package io.clickstream.collector.websocket;

/** What a redeemed ticket is bound to: the app and its token, the visitor and the session. */
public record SessionTicket(String appId, String tokenId, String visitorId, String sessionId) {}
