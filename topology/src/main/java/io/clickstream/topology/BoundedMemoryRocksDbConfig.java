package io.clickstream.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds RocksDB's memory for the whole process: every store shares one block cache, and memtables
 * count against that same cache through a write-buffer manager. Without this each store gets its
 * own cache and memtables, and memory grows with the number of stores and partitions.
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {
  /** Total off-heap bytes for all stores of this process; set with {@code rocksdb.memory.bytes}. */
  public static final String MEMORY_BYTES_CONFIG = "rocksdb.memory.bytes";

  public static final long DEFAULT_MEMORY_BYTES = 1024L * 1024 * 1024;
  private static final double WRITE_BUFFER_RATIO = 0.5;

  private static Cache cache;
  private static WriteBufferManager writeBufferManager;

  private static synchronized void initShared(long totalBytes) {
    if (cache == null) {
      cache = new LRUCache(totalBytes, -1, false, 0.1);
      writeBufferManager = new WriteBufferManager((long) (totalBytes * WRITE_BUFFER_RATIO), cache);
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Object configured = configs.get(MEMORY_BYTES_CONFIG);
    initShared(configured == null ? DEFAULT_MEMORY_BYTES : Long.parseLong(configured.toString()));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(writeBufferManager);
    // Small memtables: a process holds dozens of stores (8 RocksDB stores × partitions), and the
    // manager flushes the largest memtable whenever the shared budget is reached.
    options.setWriteBufferSize(8L * 1024 * 1024);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the manager are shared by every store of the process: never closed here.
  }
}
