package dev.eventpatch.hubspot.marketingevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Every permit the limiter grants comes back to it exactly once, whatever ends the attempt. */
class PermitReturnTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  /** Grants always; counts what comes back, per permit. */
  static final class CountingLimiter implements RateLimiter {
    final Map<Permit, AtomicInteger> returns = new ConcurrentHashMap<>();

    @Override
    public RateLimitDecision acquire(Duration timeLeft) {
      Permit permit = new Permit() {};
      returns.put(permit, new AtomicInteger());
      return RateLimitDecision.granted(permit);
    }

    @Override
    public void onAnswer(Permit permit, int statusCode, RateLimitStatus headers) {
      returns.get(permit).incrementAndGet();
    }

    @Override
    public void onRateLimited(
        Permit permit, Optional<String> policyName, Optional<Duration> retryAfter, Optional<String> correlationId,
        RateLimitStatus headers) {
      returns.get(permit).incrementAndGet();
    }

    @Override
    public void onNoAnswer(Permit permit) {
      returns.get(permit).incrementAndGet();
    }
  }

  @Test
  void returnsThePermitWhenTheProxySelectorThrows() {
    CountingLimiter limiter = new CountingLimiter();
    IllegalStateException broken = new IllegalStateException("the selector's own bug");
    ProxySelector selector =
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            throw broken;
          }

          @Override
          public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        };
    try (MarketingEventsClient client =
        MarketingEventsClient.builder()
            .accessToken("pat-test-PERMIT-0000-not-a-real-token")
            .baseUrl(server.url("/").toString())
            .rateLimiter(limiter)
            .proxySelector(selector)
            .build()) {
      assertThatThrownBy(
              () -> client.update("webinar-1", "acct-42", MarketingEventUpdate.builder().eventName("x").build()))
          .isSameAs(broken);
    }

    assertThat(limiter.returns).hasSize(1);
    assertThat(limiter.returns.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    assertThat(server.getRequestCount()).isZero();
  }
}
