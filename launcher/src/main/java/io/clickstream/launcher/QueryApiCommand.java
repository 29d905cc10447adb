package io.clickstream.launcher;

import io.clickstream.query.QueryApiService;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "query-api",
    mixinStandardHelpOptions = true,
    description = "Serve metrics from Redis to analysts and the dashboard (port 8081).")
final class QueryApiCommand implements Callable<Integer> {
  @Mixin Options.Http http;
  @Mixin Options.Redis redis;

  @Option(
      names = "--port",
      defaultValue = "${env:QUERY_API_PORT:-8081}",
      description = "HTTP port. Env: QUERY_API_PORT. Default: ${DEFAULT-VALUE}")
  int port;

  @Override
  public Integer call() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle
        .started(new QueryApiService(http.host, port, redis.redisUrl, Clock.systemUTC()))
        .start();
    lifecycle.awaitShutdown();
    return 0;
  }
}
