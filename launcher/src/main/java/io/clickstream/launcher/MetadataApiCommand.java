package io.clickstream.launcher;

import io.clickstream.metadata.MetadataApiService;
import io.clickstream.platform.config.DatabaseUrl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "metadata-api",
    mixinStandardHelpOptions = true,
    description = "Users, apps, tokens and configuration on PostgreSQL (port 8082).")
final class MetadataApiCommand implements Callable<Integer> {
  @Mixin Options.Http http;
  @Mixin Options.Database database;

  @Option(
      names = "--port",
      defaultValue = "${env:METADATA_API_PORT:-8082}",
      description = "HTTP port. Env: METADATA_API_PORT. Default: ${DEFAULT-VALUE}")
  int port;

  @Override
  public Integer call() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle
        .started(new MetadataApiService(http.host, port, DatabaseUrl.parse(database.databaseUrl)))
        .start();
    lifecycle.awaitShutdown();
    return 0;
  }
}
