package io.clickstream.topology.enrich;

/**
 * What DESIGN §4 keeps of a User-Agent: browser and OS family names ({@code Chrome}, {@code
 * Windows}; {@value #OTHER} when unknown), a device type ({@value #DESKTOP}, {@value #MOBILE},
 * {@value #TABLET}, {@value #OTHER_DEVICE}) and whether the client is a bot.
 */
public record ClientInfo(String browser, String os, String device, boolean bot) {
  /** Browser or OS we cannot name. */
  public static final String OTHER = "Other";

  public static final String DESKTOP = "desktop";
  public static final String MOBILE = "mobile";
  public static final String TABLET = "tablet";

  /** Every other device: TV, console, watch, robot, unknown. */
  public static final String OTHER_DEVICE = "other";

  /** A request without a User-Agent: no browser sends one, so it is a script. */
  public static final ClientInfo UNKNOWN_BOT = new ClientInfo(OTHER, OTHER, OTHER_DEVICE, true);
}
