package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import java.util.concurrent.TimeUnit;
import okhttp3.RequestBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serialization alone, update to request body (the JSON bytes in an OkHttp request body, ready
 * to send), for the floor A. The client's own serialization (C) is private to it and not
 * exported by its module, so C is measured through its public API only, end to end against a
 * loopback server ({@link EndToEnd}); SameBytesOnTheWireTest checks that A and C send the same
 * bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 150, timeUnit = TimeUnit.MILLISECONDS)
public class Serialization {
  /** Custom properties in the update. */
  @Param({"0", "10", "100"})
  public int customProperties;

  private MarketingEventUpdate update;

  /** Builds the update. */
  @Setup(Level.Trial)
  public void setUp() {
    update = Fixtures.update(customProperties);
  }

  /** @return A's request body */
  @Benchmark
  public RequestBody toBytes_A() {
    return FloorCodec.requestBody(update);
  }

}
