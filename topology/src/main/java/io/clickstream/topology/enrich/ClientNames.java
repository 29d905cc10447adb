package io.clickstream.topology.enrich;

import java.util.Map;
import java.util.Set;

/**
 * One canonical family name per browser and OS, whatever the parser calls it: DESIGN §4 keys
 * sessions by these names, so {@code Mac OS} and {@code Mac OS X} must not be two rows.
 */
final class ClientNames {
  // The parser's (yauaa's) names, plus uap-core's for the same families, so a change of library
  // or of its naming keeps the keys.
  private static final Map<String, String> BROWSERS =
      Map.ofEntries(
          Map.entry("Mobile Safari", "Safari"),
          Map.entry("Chrome Mobile", "Chrome"),
          Map.entry("Chrome Mobile iOS", "Chrome"),
          Map.entry("Firefox Mobile", "Firefox"),
          Map.entry("Firefox iOS", "Firefox"),
          Map.entry("Edge Mobile", "Edge"),
          Map.entry("Opera Mobile", "Opera"),
          Map.entry("SamsungBrowser", "Samsung Internet"),
          Map.entry("IE", "Internet Explorer"));

  private static final Map<String, String> OPERATING_SYSTEMS =
      Map.ofEntries(
          Map.entry("Mac OS", "macOS"),
          Map.entry("Mac OS X", "macOS"),
          Map.entry("OS X", "macOS"),
          Map.entry("iPadOS", "iOS"),
          Map.entry("iPhone OS", "iOS"),
          Map.entry("Chrome OS", "ChromeOS"),
          Map.entry("Chromium OS", "ChromeOS"));

  /** Linux distributions the parser names on their own; DESIGN counts them as Linux. */
  private static final Set<String> LINUX_DISTRIBUTIONS =
      Set.of(
          "Ubuntu",
          "Kubuntu",
          "Xubuntu",
          "Lubuntu",
          "Debian",
          "Fedora",
          "Red Hat",
          "CentOS",
          "SUSE",
          "openSUSE",
          "Mageia",
          "Slackware",
          "Raspbian",
          "PCLinuxOS",
          "Manjaro");

  /** Windows flavours that are not the desktop family. */
  private static final Set<String> OTHER_WINDOWS =
      Set.of("Windows Phone", "Windows CE", "Windows Mobile");

  /** The parser's words for "no idea" and for hostile strings. */
  private static final Set<String> UNKNOWN = Set.of("", "Unknown", "??", "Hacker", "Other");

  private ClientNames() {}

  static String browser(String name) {
    if (name == null || UNKNOWN.contains(name)) {
      return ClientInfo.OTHER;
    }
    return BROWSERS.getOrDefault(name, name);
  }

  /**
   * @param osClass the parser's class of the OS; {@code Cloud} is a data centre, which is where
   *     bots run, not an OS a visitor has.
   */
  static String os(String name, String osClass) {
    if (name == null || UNKNOWN.contains(name) || "Cloud".equals(osClass)) {
      return ClientInfo.OTHER;
    }
    if (name.startsWith("Windows") && !OTHER_WINDOWS.contains(name)) {
      return "Windows"; // Windows NT, Windows 9x, Windows 10 (uap-core's naming)
    }
    if (name.contains("Linux") || LINUX_DISTRIBUTIONS.contains(name)) {
      return "Linux"; // Linux, Gentoo Linux, Linux Mint, Ubuntu…
    }
    return OPERATING_SYSTEMS.getOrDefault(name, name);
  }
}
