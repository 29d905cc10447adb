package io.clickstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class CommandLineTest {

  @Test
  void helpListsEveryCommand() {
    String help = run("--help");
    for (String command :
        new String[] {"collector", "topology", "metadata-api", "query-api", "simulate", "dev"}) {
      assertThat(help).containsPattern("(?m)^\\s+" + command + "\\s");
    }
  }

  @Test
  void everyOptionOfEveryCommandNamesItsEnvironmentVariable() {
    CommandLine root = new CommandLine(new Clickstream());
    for (CommandLine command : root.getSubcommands().values()) {
      for (OptionSpec option : command.getCommandSpec().options()) {
        if (option.usageHelp() || option.versionHelp()) {
          continue;
        }
        assertThat(String.join(" ", option.description()))
            .as("%s %s", command.getCommandName(), option.longestName())
            .containsPattern("Env: [A-Z_]+");
      }
    }
  }

  @Test
  void theCollectorRefusesToStartWithoutATokenKey() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Clickstream());
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute("collector", "--token-key=too-short");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--token-key (CLICKSTREAM_TOKEN_KEY) must be set to a secret of at least 32 characters.");
  }

  @Test
  void theCollectorRefusesATrustedProxyThatIsNotACidr() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Clickstream());
    commandLine.setErr(new PrintWriter(err));
    int exit =
        commandLine.execute(
            "collector",
            "--token-key=" + "k".repeat(32),
            "--trusted-proxies=10.0.0.0/8,proxy.internal");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--trusted-proxies (CLICKSTREAM_TRUSTED_PROXIES): not an IP address or CIDR:"
                + " proxy.internal");
  }

  @Test
  void kafkaClientSettingsComeFromPrefixedEnvironmentVariables() {
    assertThat(
            EnvOverrides.withPrefix(
                "KAFKA_STREAMS_",
                Map.of(
                    "KAFKA_STREAMS_MAX_POLL_RECORDS", "500",
                    "KAFKA_STREAMS_", "ignored",
                    "KAFKA_PRODUCER_LINGER_MS", "7",
                    "HOME", "/root")))
        .isEqualTo(Map.of("max.poll.records", "500"));
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new Clickstream());
    commandLine.setOut(new PrintWriter(out));
    assertThat(commandLine.execute(args)).isZero();
    return out.toString();
  }
}
