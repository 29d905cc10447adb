package io.clickstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class DeviceTypesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "Desktop, desktop",
    "Phone, mobile",
    "Mobile, mobile",
    "Tablet, tablet",
    "TV, other",
    "Set-top box, other",
    "Game Console, other",
    "Watch, other",
    "eReader, other",
    "Robot, other",
    "Robot Mobile, other",
    "Anonymized, other",
    "Hacker, other",
    "Unknown, other",
  })
  void parserDeviceClassesFoldIntoFourKeys(String deviceClass, String key) {
    assertThat(DeviceTypes.of(deviceClass)).isEqualTo(key);
  }

  @ParameterizedTest
  @NullSource
  void noDeviceClassIsOther(String deviceClass) {
    assertThat(DeviceTypes.of(deviceClass)).isEqualTo("other");
  }
}
