package io.clickstream.simulator.behaviour;

/**
 * Who a simulated visitor is, fixed for the whole run.
 *
 * @param index the visitor's number in the population, 0-based
 * @param token the app token of the app the visitor visits
 * @param appId that app's id
 * @param bot whether {@code userAgent} is a crawler's or a script's
 * @param returning whether the visitor had earlier sessions before the one the run sees first
 */
public record VisitorProfile(
    int index,
    String id,
    String token,
    String appId,
    String userAgent,
    boolean bot,
    boolean returning) {}
