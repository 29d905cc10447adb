package io.clickstream.topology.enrich;

/** DESIGN §4's four device keys from the parser's finer device classes. */
final class DeviceTypes {
  private DeviceTypes() {}

  /**
   * {@code Desktop} → desktop; {@code Phone} and {@code Mobile} (a handheld the parser cannot tell
   * apart) → mobile; {@code Tablet} → tablet; every other class (TV, set-top box, game console,
   * watch, e-reader, car, robot, anonymized, unknown) → other.
   */
  static String of(String deviceClass) {
    if (deviceClass == null) {
      return ClientInfo.OTHER_DEVICE;
    }
    return switch (deviceClass) {
      case "Desktop" -> ClientInfo.DESKTOP;
      case "Phone", "Mobile" -> ClientInfo.MOBILE;
      case "Tablet" -> ClientInfo.TABLET;
      default -> ClientInfo.OTHER_DEVICE;
    };
  }
}
