package io.clickstream.launcher;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by the build). */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Clickstream.class.getPackage().getImplementationVersion();
    return new String[] {"clickstream " + (version == null ? "(development build)" : version)};
  }
}
