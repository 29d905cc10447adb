package io.clickstream.query.support;

import io.clickstream.query.read.RedisReader;
import org.apache.datasketches.hll.HllSketch;

/** Sketch bytes as the topology writes them. */
public final class Sketch {
  private Sketch() {}

  public static byte[] of(String... visitors) {
    HllSketch sketch = RedisReader.newSketch();
    for (String visitor : visitors) {
      sketch.update(visitor);
    }
    return sketch.toCompactByteArray();
  }
}
