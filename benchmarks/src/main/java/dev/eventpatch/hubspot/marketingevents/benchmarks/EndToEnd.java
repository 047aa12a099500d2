package dev.eventpatch.hubspot.marketingevents.benchmarks;

import dev.eventpatch.hubspot.marketingevents.MarketingEvent;
import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.ApiVersion;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.PropertyCheck;
import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One update, end to end, against the in-process loopback server: build the request, send it,
 * read and decode the answer. Every contender sends the same bytes (proven by
 * SameBytesOnTheWireTest) and gets the same answer, the spec's 200 example.
 *
 * <p>S is the server and the kernel alone (a raw socket replaying the request), A the floor
 * (OkHttp and hand-written Gson streaming), B the generated Retrofit client called directly, C
 * the extensions client, D the extensions client asynchronously with 16 updates in flight (its
 * score is per update).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 10, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class EndToEnd {
  /** In flight at once for D. */
  public static final int IN_FLIGHT = 16;

  /** Custom properties in the update. */
  @Param({"0", "10", "100"})
  public int customProperties;

  private LoopbackServer server;
  private MarketingEventUpdate update;
  private RawSocketClient raw;
  private FloorClient floor;
  private GeneratedClient generated;
  private MarketingEventsClient client;

  /**
   * Starts the server and only the contender this benchmark measures.
   *
   * @param params which benchmark runs
   * @throws IOException if the server cannot start
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    server = LoopbackServer.start();
    update = Fixtures.update(customProperties);
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    switch (method.charAt(0)) {
      case 'S':
        raw = new RawSocketClient(server.port(),
            RawSocketClient.request(server.port(), Transports.userAgent(), Fixtures.TOKEN,
                FloorCodec.requestBytes(update)));
        break;
      case 'A':
        floor = new FloorClient(server.baseUrl(), Fixtures.TOKEN);
        break;
      case 'B':
        generated = new GeneratedClient(server.baseUrl(), Fixtures.TOKEN);
        break;
      default:
        client = extensionsClient(server.baseUrl());
        break;
    }
  }

  /**
   * The extensions client as the benchmarks use it: defaults, except no client-side rate limit
   * (it would hold the loop to 10 updates a second) and no check of the custom properties
   * returned (the canned answer cannot echo them, so the check would log a warning per call).
   *
   * @param baseUrl the server
   * @return the client
   */
  public static MarketingEventsClient extensionsClient(String baseUrl) {
    return MarketingEventsClient.builder()
        .accessToken(Fixtures.TOKEN)
        .baseUrl(baseUrl)
        // The path the other contenders send to, so that every contender puts the same bytes on
        // the wire; the versions differ only in the path.
        .apiVersion(ApiVersion.V3)
        .rateLimit(RateLimit.none())
        .propertyCheck(PropertyCheck.OFF)
        .build();
  }

  /** Closes what {@link #setUp} opened. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (raw != null) {
      raw.close();
    }
    if (floor != null) {
      floor.close();
    }
    if (generated != null) {
      generated.close();
    }
    if (client != null) {
      client.close();
    }
    server.close();
  }

  /** @return the status @throws IOException on failure */
  @Benchmark
  public int S_server() throws IOException {
    return raw.exchange();
  }

  /** @return the event @throws IOException on failure */
  @Benchmark
  public FloorEvent A_floor() throws IOException {
    return floor.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
  }

  /** @return the event @throws IOException on failure */
  @Benchmark
  public MarketingEventPublicDefaultResponse B_generated() throws IOException {
    return generated.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
  }

  /** @return the event */
  @Benchmark
  public MarketingEvent C_client() {
    return client.update(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
  }

  /** @param blackhole takes the events */
  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public void D_clientAsync16(Blackhole blackhole) {
    CompletableFuture<?>[] futures = new CompletableFuture<?>[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      futures[i] = client.updateAsync(Fixtures.EVENT_ID, Fixtures.ACCOUNT_ID, update);
    }
    for (CompletableFuture<?> future : futures) {
      blackhole.consume(future.join());
    }
  }
}
