package dev.eventpatch.hubspot.marketingevents.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deserialization alone, answer bytes to event, for the floor A. The answer is always the spec's
 * 200 example (it does not depend on what was sent), so there is no parameter. The client's own
 * decoding (C) is private to it and measured end to end only ({@link EndToEnd}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 150, timeUnit = TimeUnit.MILLISECONDS)
public class Parsing {
  private final byte[] answer = SpecExamples.get().updatedEvent();

  /** @return A's event */
  @Benchmark
  public FloorEvent fromBytes_A() {
    return FloorCodec.readEvent(answer);
  }

}
