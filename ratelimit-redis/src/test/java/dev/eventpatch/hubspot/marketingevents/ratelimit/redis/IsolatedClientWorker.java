package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate;
import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import dev.eventpatch.hubspot.marketingevents.PropertyCheck;
import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One "process" of a fleet, loaded by a class loader of its own: its own copy of the client, the
 * Redis limiter, Lettuce and Netty, sharing nothing with the others but the Redis key. Called by
 * reflection with plain values only, since no type crosses class loaders.
 */
public final class IsolatedClientWorker {
  private IsolatedClientWorker() {}

  /**
   * @param redisUri the shared Redis
   * @param key the app's key
   * @param baseUrl the strict-window server
   * @param name this process's name, in the update ids
   * @param threads threads sharing this process's client
   * @param updatesPerThread updates each thread sends
   * @return {succeeded, failed}
   */
  public static int[] run(String redisUri, String key, String baseUrl, String name, int threads, int updatesPerThread)
      throws InterruptedException {
    RedisRateLimiter limiter =
        RedisRateLimiter.builder()
            .redisUri(redisUri)
            .key(key)
            .limit(RateLimit.fixed(20, Duration.ofSeconds(1)))
            .expectedProcesses(3)
            // As in FleetSharesOneBudgetTest: the proof is about the bucket, not the machine's load.
            .countingDelay(Duration.ofSeconds(2))
            .redisTimeout(Duration.ofSeconds(5))
            .build();
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    try (MarketingEventsClient client =
        MarketingEventsClient.builder()
            .accessToken("isolated-worker-test-token")
            .baseUrl(baseUrl)
            .rateLimiter(limiter)
            .retryPolicy(RetryPolicy.builder().maxAttempts(10).build())
            .callTimeout(Duration.ofSeconds(90))
            .propertyCheck(PropertyCheck.OFF)
            .build()) {
      List<Thread> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String prefix = name + "t" + t + "u";
        Thread thread = new Thread(() -> {
          for (int u = 0; u < updatesPerThread; u++) {
            try {
              client.update(prefix + u, "acct-1", MarketingEventUpdate.builder().eventName("x").build());
              succeeded.incrementAndGet();
            } catch (RuntimeException e) {
              failed.incrementAndGet();
            }
          }
        }, "isolated-" + prefix);
        running.add(thread);
        thread.start();
      }
      for (Thread thread : running) {
        thread.join();
      }
    }
    return new int[] {succeeded.get(), failed.get()};
  }
}
