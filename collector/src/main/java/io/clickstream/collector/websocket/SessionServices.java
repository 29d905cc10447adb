package io.clickstream.collector.websocket;

import io.clickstream.collector.access.AppAuthenticator;
import io.clickstream.collector.access.AppDirectory;
import io.clickstream.collector.access.AppRateLimiter;
import io.clickstream.collector.ingest.BatchIntake;
import io.clickstream.collector.ingest.CollectorMetrics;
import io.clickstream.collector.ingest.EventPublisher;
import io.clickstream.collector.ingest.IpAnonymizer;
import java.time.Clock;

/** What every WebSocket session works with; one instance per collector. */
public record SessionServices(
    BatchIntake intake,
    EventPublisher publisher,
    AppAuthenticator authenticator,
    AppDirectory directory,
    AppRateLimiter rateLimiter,
    IpAnonymizer ipAnonymizer,
    SessionTickets tickets,
    Clock clock,
    CollectorMetrics metrics) {}
