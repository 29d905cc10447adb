package io.clickstream.collector.ingest;

/**
 * What the collector stamps on every event of one batch or frame (DESIGN §1): the app from the
 * token, the visitor and session, when it arrived, and who sent it — the User-Agent header and the
 * daily hash of the IP address, never the address itself.
 *
 * @param sessionId null when the sender has no session (server-side batches)
 */
public record ServerStamps(
    String appId,
    String visitorId,
    String sessionId,
    long receivedAt,
    String userAgent,
    String ipHash) {}
