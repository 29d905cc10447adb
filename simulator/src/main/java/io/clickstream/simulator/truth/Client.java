package io.clickstream.simulator.truth;

/** What the pipeline derives from a User-Agent: browser family, OS, device type, bot or not. */
public record Client(String browser, String os, String device, boolean bot) {
  public static final Client BOT = new Client("Other", "Other", "other", true);
}
