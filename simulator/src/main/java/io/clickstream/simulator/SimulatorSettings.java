package io.clickstream.simulator;

/**
 * What to simulate.
 *
 * @param events how many events to send in all; 0 = until stopped
 * @param rate events per second
 */
public record SimulatorSettings(
    String collectorUrl, String token, int visitors, long events, double rate, long seed) {}
