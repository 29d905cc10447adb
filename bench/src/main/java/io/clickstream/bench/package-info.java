/**
 * Benchmark programs. Each one starts what it measures on this machine, measures a reference in the
 * same run (Kafka's ProducerPerformance, ConsumerPerformance, redis-benchmark, …), and prints both
 * with their ratio. Results go to BENCHMARKS.md with the command that produced them.
 */
package io.clickstream.bench;
