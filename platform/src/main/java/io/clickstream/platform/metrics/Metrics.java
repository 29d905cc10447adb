package io.clickstream.platform.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The Prometheus registry of a process, with JVM and process metrics already bound. */
public final class Metrics {
  private static final String[] STORE_TAGS = {
    "rocksdb.state.id",
    "rocksdb.window.state.id",
    "rocksdb.session.state.id",
    "in.memory.state.id",
    "in.memory.window.state.id",
    "in.memory.session.state.id"
  };

  private Metrics() {}

  public static PrometheusMeterRegistry newRegistry(String service) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
    // Kafka Streams' state store metrics name their store tag after the store's kind. Prometheus
    // needs one set of tag keys per metric name, and drops every kind but the first to register, so
    // they all become state.id (store names are unique). Filters must be in place before the first
    // meter registers.
    for (String kind : STORE_TAGS) {
      registry.config().meterFilter(MeterFilter.renameTag("kafka.stream", kind, "state.id"));
    }
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }
}
