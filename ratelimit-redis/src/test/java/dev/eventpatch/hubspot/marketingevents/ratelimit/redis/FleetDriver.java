package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the client's pipeline against a limiter, as the client will once it calls the SPI: asks
 * {@code acquire}, waits as told and asks again, fails an update on a daily limit, sends a real
 * PATCH, and reports the answer. A 429 or a lost answer is retried, as the client's retries do.
 * Each limiter stands for one process; each gets {@code threadsPerProcess} threads.
 */
final class FleetDriver {
  private static final Pattern POLICY = Pattern.compile("\"policyName\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final int MAX_ATTEMPTS = 50;

  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger succeeded = new AtomicInteger();
  final AtomicInteger rateLimited = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();

  private final StrictWindowServer server;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  FleetDriver(StrictWindowServer server) {
    this.server = server;
  }

  /** Runs every process's updates to the end; each update has an id of its own. */
  void run(List<? extends RateLimiter> processes, int threadsPerProcess, int updatesPerThread) {
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < processes.size(); p++) {
      RateLimiter limiter = processes.get(p);
      for (int t = 0; t < threadsPerProcess; t++) {
        String prefix = "p" + p + "t" + t + "u";
        Thread thread = new Thread(() -> {
          for (int u = 0; u < updatesPerThread; u++) {
            update(limiter, prefix + u);
          }
        }, "fleet-" + prefix);
        threads.add(thread);
        thread.start();
      }
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private void update(RateLimiter limiter, String id) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; ) {
      RateLimitDecision decision = limiter.acquire(Duration.ofSeconds(30));
      if (decision instanceof RateLimitDecision.Wait wait) {
        RedisServer.sleep(Math.max(1, wait.duration().toMillis()));
        continue;
      }
      if (decision instanceof RateLimitDecision.DailyLimitReached) {
        failed.incrementAndGet();
        return;
      }
      RateLimitDecision.Granted granted = (RateLimitDecision.Granted) decision;
      attempt++;
      sent.incrementAndGet();
      HttpResponse<String> response;
      try {
        response = http.send(
            HttpRequest.newBuilder(server.uri(id))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"eventName\":\"x\"}"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        limiter.onNoAnswer(granted.permit());
        continue;
      } catch (InterruptedException e) {
        limiter.onNoAnswer(granted.permit());
        Thread.currentThread().interrupt();
        failed.incrementAndGet();
        return;
      }
      RateLimitStatus headers = RateLimitStatus.fromHeaders(response.headers().map());
      if (response.statusCode() == 429) {
        rateLimited.incrementAndGet();
        Matcher policy = POLICY.matcher(response.body());
        limiter.onRateLimited(
            granted.permit(),
            policy.find() ? Optional.of(policy.group(1)) : Optional.empty(),
            response.headers().firstValue("Retry-After").map(s -> Duration.ofSeconds(Long.parseLong(s))),
            Optional.empty(),
            headers);
        continue;
      }
      limiter.onAnswer(granted.permit(), response.statusCode(), headers);
      if (response.statusCode() == 200) {
        succeeded.incrementAndGet();
        return;
      }
    }
    failed.incrementAndGet();
  }
}
