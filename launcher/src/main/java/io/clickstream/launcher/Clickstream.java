package io.clickstream.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clickstream <command>}: every process of Clickstream from one jar (DESIGN §7). */
@Command(
    name = "clickstream",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Real-time clickstream and product analytics on Kafka Streams.",
    footer = {
      "",
      "Every option can also be set by the environment variable named in its description."
    },
    subcommands = {
      CollectorCommand.class,
      TopologyCommand.class,
      MetadataApiCommand.class,
      QueryApiCommand.class,
      SimulateCommand.class,
      DevCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Clickstream implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Clickstream()).execute(args));
  }
}
