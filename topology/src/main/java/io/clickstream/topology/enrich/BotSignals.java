package io.clickstream.topology.enrich;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a client is a bot (DESIGN §4: bots are flagged and counted apart): the parser says so, or
 * the User-Agent carries a marker the parser does not act on.
 */
final class BotSignals {
  /** yauaa's agent classes for software that browses without a person. */
  private static final Set<String> ROBOT_AGENT_CLASSES =
      Set.of("Robot", "Robot Mobile", "Cloud Application", "Hacker");

  /** yauaa's device classes for the same, including browsers that claim to be a crawler. */
  private static final Set<String> ROBOT_DEVICE_CLASSES =
      Set.of("Robot", "Robot Mobile", "Robot Imitator", "Hacker");

  /**
   * Conservative: each marker names automation, never a person's browser. Anywhere in the string:
   * bot (but not the Cubot phone brand), crawl, spider, slurp, headless (HeadlessChrome),
   * lighthouse (Chrome-Lighthouse, which yauaa reports as a browser), phantomjs. At the start,
   * where HTTP tools put their name: curl, wget, python-requests, python-urllib, Go-http-client,
   * okhttp.
   */
  private static final Pattern MARKERS =
      Pattern.compile(
          "(?<!cu)bot|crawl|spider|slurp|headless|lighthouse|phantomjs"
              + "|^(?:curl|wget|python-requests|python-urllib|go-http-client|okhttp)/",
          Pattern.CASE_INSENSITIVE);

  private BotSignals() {}

  static boolean isRobotClass(String agentClass, String deviceClass) {
    return (agentClass != null && ROBOT_AGENT_CLASSES.contains(agentClass))
        || (deviceClass != null && ROBOT_DEVICE_CLASSES.contains(deviceClass));
  }

  static boolean hasMarker(String userAgent) {
    return MARKERS.matcher(userAgent).find();
  }
}
