package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessRateLimiterTest {
  private static final Duration DEADLINE = Duration.ofMinutes(1);
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  private final VirtualTicker ticker = new VirtualTicker();
  private final List<String> limitsHeard = new ArrayList<>();
  private final ClientListener listener =
      new ClientListener() {
        @Override
        public void limitInForce(int requests, Duration window) {
          limitsHeard.add(requests + "/" + window);
        }
      };

  private InProcessRateLimiter limiter(RateLimit limit) {
    return new InProcessRateLimiter(limit, listener, ticker);
  }

  /** Without pacing: for tests that take a whole window's permits at one instant. */
  private InProcessRateLimiter unpaced(RateLimit limit) {
    return new InProcessRateLimiter(limit, listener, ticker, false);
  }

  private static Permit granted(RateLimitDecision decision) {
    assertThat(decision).isInstanceOf(RateLimitDecision.Granted.class);
    return ((RateLimitDecision.Granted) decision).permit();
  }

  private static Duration waitOf(RateLimitDecision decision) {
    assertThat(decision).isInstanceOf(RateLimitDecision.Wait.class);
    return ((RateLimitDecision.Wait) decision).duration();
  }

  private static RateLimitDecision.DailyLimitReached daily(RateLimitDecision decision) {
    assertThat(decision).isInstanceOf(RateLimitDecision.DailyLimitReached.class);
    return (RateLimitDecision.DailyLimitReached) decision;
  }

  /** Grants one permit and reports its answer at once, with the given headers. */
  private static void sendAndAnswer(InProcessRateLimiter limiter, RateLimitStatus headers) {
    limiter.onAnswer(granted(limiter.acquire(DEADLINE)), 200, headers);
  }

  private static void rateLimited(
      InProcessRateLimiter limiter, Permit permit, String policy, Duration retryAfter, String correlationId) {
    limiter.onRateLimited(
        permit,
        Optional.ofNullable(policy),
        Optional.ofNullable(retryAfter),
        Optional.ofNullable(correlationId),
        Headers.none());
  }

  // ---- the rolling window

  @Test
  void grantsUpToTheLimitThenAnswersAtOnceWithTheWaitUntilTheOldestLeavesTheWindow() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(3, TEN_SECONDS));
    for (int i = 0; i < 3; i++) {
      sendAndAnswer(limiter, Headers.none());
      ticker.advance(Duration.ofSeconds(1));
    }
    long before = ticker.peek();

    // Answered at 0, 1 s and 2 s; now 3 s: the first leaves the window at 10 s.
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(7));
    assertThat(ticker.peek()).as("the limiter never sleeps").isEqualTo(before);

    ticker.advance(Duration.ofSeconds(7));
    granted(limiter.acquire(DEADLINE));
  }

  @Test
  void aPermitCountsWhileInFlightThenForAWholeWindowFromItsOutcome() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(1, TEN_SECONDS));
    Permit slow = granted(limiter.acquire(DEADLINE));

    ticker.advance(Duration.ofSeconds(30));
    assertThat(limiter.acquire(DEADLINE)).isInstanceOf(RateLimitDecision.Wait.class);

    limiter.onNoAnswer(slow);
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(TEN_SECONDS);
    ticker.advanceNanos(TEN_SECONDS.toNanos() - 1);
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofNanos(1));
    ticker.advanceNanos(1);
    granted(limiter.acquire(DEADLINE));
  }

  @Test
  void aPermitReportedTwiceCountsOnce() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(2, TEN_SECONDS));
    Permit first = granted(limiter.acquire(DEADLINE));
    Permit second = granted(limiter.acquire(DEADLINE));
    limiter.onAnswer(first, 200, Headers.none());
    limiter.onNoAnswer(first);
    limiter.onAnswer(second, 200, Headers.none());

    ticker.advance(TEN_SECONDS);

    granted(limiter.acquire(DEADLINE));
    granted(limiter.acquire(DEADLINE));
    assertThat(limiter.acquire(DEADLINE)).isInstanceOf(RateLimitDecision.Wait.class);
  }

  @Test
  void rejectsAPermitItDidNotGrant() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(2, TEN_SECONDS));
    Permit foreign = granted(limiter(RateLimit.fixed(2, TEN_SECONDS)).acquire(DEADLINE));

    assertThatThrownBy(() -> limiter.onNoAnswer(foreign)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- monotonic time

  @Test
  void keepsCountingWhenTheTickerWrapsAround() {
    VirtualTicker nearWrap = new VirtualTicker(Long.MAX_VALUE - Duration.ofSeconds(1).toNanos());
    InProcessRateLimiter limiter = new InProcessRateLimiter(RateLimit.fixed(2, TEN_SECONDS), listener, nearWrap);
    sendAndAnswer(limiter, Headers.none());
    sendAndAnswer(limiter, Headers.none());

    nearWrap.advance(Duration.ofSeconds(5)); // now past Long.MAX_VALUE, negative
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(5));
    nearWrap.advance(Duration.ofSeconds(5));
    granted(limiter.acquire(DEADLINE));
  }

  @Test
  void aWallClockStepChangesNothingBecauseOnlyTheTickerIsRead() {
    // By construction: the limiter holds no wall-clock source, and its one constructor takes
    // the monotonic ticker. Setting the system time therefore cannot move any window.
    List<Class<?>> wallClocks = List.of(Clock.class, InstantSource.class, Instant.class);
    List<Class<?>> types = new ArrayList<>(List.of(InProcessRateLimiter.class.getDeclaredClasses()));
    types.add(InProcessRateLimiter.class);
    for (Class<?> type : types) {
      for (Field field : type.getDeclaredFields()) {
        assertThat(wallClocks).noneMatch(clock -> clock.isAssignableFrom(field.getType()));
      }
    }
    for (Constructor<?> constructor : InProcessRateLimiter.class.getDeclaredConstructors()) {
      List<Class<?>> parameters = Arrays.asList(constructor.getParameterTypes());
      assertThat(parameters.subList(0, 3)).containsExactly(RateLimit.class, ClientListener.class, Ticker.class);
      assertThat(parameters.subList(3, parameters.size())).allMatch(boolean.class::equals); // pacing off, for tests
    }
    // And the windows follow the ticker alone: a full window frees exactly one window of
    // ticker time after the answers, whatever a wall clock did meanwhile.
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(1, TEN_SECONDS));
    sendAndAnswer(limiter, Headers.none());
    ticker.advance(TEN_SECONDS);
    granted(limiter.acquire(DEADLINE));
  }

  // ---- kinds

  @Test
  void fixedIgnoresEveryHeader() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(3, TEN_SECONDS));

    sendAndAnswer(limiter, Headers.of(1, 1000, 0));
    sendAndAnswer(limiter, Headers.of(500, 60_000, 0));
    sendAndAnswer(limiter, Headers.of(1, 1000, 0));

    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(TEN_SECONDS);
    assertThat(limiter.limitInForce()).contains(RateLimit.fixed(3, TEN_SECONDS));
    assertThat(limitsHeard).containsExactly("3/PT10S");
  }

  @Test
  void adaptiveFollowsHubSpotsHeadersUpAndDown() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive());

    sendAndAnswer(limiter, Headers.of(190, 10_000, 189));
    assertThat(limiter.limitInForce()).contains(RateLimit.fixed(190, TEN_SECONDS));

    sendAndAnswer(limiter, Headers.of(2, 1_000, null));
    assertThat(limiter.limitInForce()).contains(RateLimit.fixed(2, Duration.ofSeconds(1)));
    assertThat(limitsHeard).containsExactly("100/PT10S", "190/PT10S", "2/PT1S");
    // Both permits answered just now fill the new 1-second window.
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void adaptiveUpToTakesALowerLimitFromTheHeadersButNeverGoesAboveTheCeiling() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptiveUpTo(20, TEN_SECONDS));

    sendAndAnswer(limiter, Headers.of(190, 10_000, null));
    assertThat(limiter.limitInForce()).contains(RateLimit.fixed(20, TEN_SECONDS));
    sendAndAnswer(limiter, Headers.of(10, 10_000, null));
    assertThat(limiter.limitInForce()).contains(RateLimit.fixed(10, TEN_SECONDS));
    sendAndAnswer(limiter, Headers.of(190, 10_000, null));
    assertThat(limiter.limitInForce()).contains(RateLimit.fixed(20, TEN_SECONDS));
    // A shorter window of HubSpot's: fewer requests over the longer window honours both.
    sendAndAnswer(limiter, Headers.of(5, 1_000, null));
    assertThat(limiter.limitInForce()).contains(RateLimit.fixed(5, TEN_SECONDS));

    assertThat(limitsHeard).containsExactly("20/PT10S", "10/PT10S", "20/PT10S", "5/PT10S");
  }

  @Test
  void adaptiveUpToGrantsAtMostTheCeilingInAnyWindowWhenHubSpotAllowsMore() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptiveUpTo(20, TEN_SECONDS));
    List<Long> grants = new ArrayList<>();
    long end = ticker.peek() + Duration.ofSeconds(60).toNanos();

    // One caller in a closed loop; every answer says the app may send 190 and has plenty left.
    while (end - ticker.peek() > 0) {
      RateLimitDecision decision = limiter.acquire(DEADLINE);
      if (decision instanceof RateLimitDecision.Granted g) {
        grants.add(ticker.peek());
        ticker.advance(Duration.ofMillis(50));
        limiter.onAnswer(g.permit(), 200, Headers.of(190, 10_000, 170));
      } else {
        ticker.advance(waitOf(decision));
      }
    }

    for (int i = 0; i + 20 < grants.size(); i++) {
      assertThat(grants.get(i + 20) - grants.get(i)).isGreaterThanOrEqualTo(TEN_SECONDS.toNanos());
    }
    assertThat(grants).hasSizeGreaterThanOrEqualTo(6 * 20 - 5);
  }

  @Test
  void noneGrantsEveryRequestAndIgnoresEveryOutcomeEvenADailyLimit() {
    InProcessRateLimiter limiter = limiter(RateLimit.none());

    for (int i = 0; i < 1_000; i++) {
      sendAndAnswer(limiter, Headers.of(1, 1000, 0));
    }
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "DAILY", Duration.ofHours(1), "c");

    granted(limiter.acquire(DEADLINE));
    assertThat(limiter.limitInForce()).isEmpty();
    assertThat(limitsHeard).isEmpty();
  }

  // ---- listener

  @Test
  void theListenerHearsTheLimitAtStartAndOnlyWhenItChanges() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive());
    for (int i = 0; i < 5; i++) {
      sendAndAnswer(limiter, Headers.of(100, 10_000, null));
      sendAndAnswer(limiter, Headers.none());
    }
    sendAndAnswer(limiter, Headers.of(190, null, null));

    assertThat(limitsHeard).containsExactly("100/PT10S", "190/PT10S");
  }

  @Test
  void aFailingListenerChangesNoDecision() {
    ClientListener failing =
        new ClientListener() {
          @Override
          public void limitInForce(int requests, Duration window) {
            throw new IllegalStateException("listener bug");
          }
        };
    InProcessRateLimiter limiter = new InProcessRateLimiter(RateLimit.adaptive(), failing, ticker);

    sendAndAnswer(limiter, Headers.of(1, 10_000, null));

    assertThat(limiter.limitInForce()).contains(RateLimit.fixed(1, TEN_SECONDS));
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(TEN_SECONDS);
  }

  // ---- X-HubSpot-RateLimit-Remaining

  @Test
  void aLowRemainingAtTheWindowsEdgeThatCountsOurOwnRequestsDoesNotBlockAWholeWindow() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive());
    // Alone on the app: one request every 100 ms, HubSpot's Remaining falling to 0 at 9.9 s.
    for (int i = 0; i < 100; i++) {
      sendAndAnswer(limiter, Headers.of(100, 10_000, 100 - (i + 1)));
      if (i < 99) {
        ticker.advance(Duration.ofMillis(100));
      }
    }

    // The first request leaves HubSpot's window at 10 s, 100 ms from now; the old limiter
    // waited until a window after the observation (19.9 s).
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofMillis(100));
    ticker.advance(Duration.ofMillis(100));
    granted(limiter.acquire(DEADLINE));
  }

  @Test
  void requestsOfOtherClientsHoldUsBackAndAgeOutAWindowAfterTheObservation() {
    InProcessRateLimiter limiter = unpaced(RateLimit.adaptive());
    sendAndAnswer(limiter, Headers.none()); // ours, at 0
    ticker.advance(Duration.ofSeconds(2));
    // HubSpot counted 90, two of them ours: 88 are other clients', made within the last 10 s.
    sendAndAnswer(limiter, Headers.of(100, 10_000, 10));
    ticker.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 10; i++) {
      sendAndAnswer(limiter, Headers.none()); // missing headers: no new information
    }

    // 12 ours + 88 others: full until our first leaves at 10 s, and, since we share the app,
    // our share as HubSpot counted it at the observation (2 of 100) of the window's mean
    // spacing (100 ms) later: 2 ms.
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofMillis(7002));
    ticker.advance(Duration.ofMillis(7002));
    sendAndAnswer(limiter, Headers.none());
    // Full again; the others' requests leave, at the latest, 10 s after the observation at 2 s.
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofMillis(1998));
    ticker.advance(Duration.ofMillis(1998));

    // At 12 s the phantoms are gone and only our own 11 remain in the window.
    for (int i = 0; i < 89; i++) {
      granted(limiter.acquire(DEADLINE));
    }
    assertThat(limiter.acquire(DEADLINE)).isInstanceOf(RateLimitDecision.Wait.class);
  }

  @Test
  void aNewerRemainingReplacesWhatAnOlderOneSaid() {
    InProcessRateLimiter limiter = unpaced(RateLimit.adaptive());
    Permit first = granted(limiter.acquire(DEADLINE));
    Permit second = granted(limiter.acquire(DEADLINE));
    limiter.onAnswer(first, 200, Headers.of(100, 10_000, 0)); // 98 others
    assertThat(limiter.acquire(DEADLINE)).isInstanceOf(RateLimitDecision.Wait.class);

    ticker.advance(Duration.ofSeconds(1));
    limiter.onAnswer(second, 200, Headers.of(100, 10_000, 97)); // the others stopped: 1 left

    for (int i = 0; i < 97; i++) {
      granted(limiter.acquire(DEADLINE));
    }
    assertThat(limiter.acquire(DEADLINE)).isInstanceOf(RateLimitDecision.Wait.class);
  }

  @Test
  void answersWithoutHeadersBringNoNewInformation() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive());
    Permit first = granted(limiter.acquire(DEADLINE));
    Permit second = granted(limiter.acquire(DEADLINE));
    limiter.onAnswer(first, 200, Headers.of(100, 10_000, 1)); // 97 others: room for one more
    Permit third = granted(limiter.acquire(DEADLINE));
    ticker.advance(Duration.ofSeconds(1));
    limiter.onAnswer(second, 200, Headers.none());
    limiter.onNoAnswer(third);

    // Neither the others' count nor the limit moved: full until our first leaves at 10 s.
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(9));
    assertThat(limiter.limitInForce()).contains(RateLimit.fixed(100, TEN_SECONDS));
    assertThat(limitsHeard).containsExactly("100/PT10S");
  }

  // ---- 429s

  @Test
  void aDailyLimitMakesEveryCallFailFastWithTheCorrelationIdUntilRetryAfterThenGrants() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive());
    Permit other = granted(limiter.acquire(DEADLINE));
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "DAILY", Duration.ofHours(1), "corr-1");

    RateLimitDecision.DailyLimitReached reached = daily(limiter.acquire(DEADLINE));
    assertThat(reached.retryAfter()).isEqualTo(Duration.ofHours(1));
    assertThat(reached.correlationId()).contains("corr-1");
    assertThat(reached.policyName()).isEqualTo("DAILY");
    // The permit in flight still reports normally, and nobody is asked to wait.
    limiter.onAnswer(other, 200, Headers.none());
    ticker.advance(Duration.ofMinutes(59));
    assertThat(daily(limiter.acquire(DEADLINE)).retryAfter()).isEqualTo(Duration.ofMinutes(1));

    ticker.advance(Duration.ofMinutes(1));
    granted(limiter.acquire(DEADLINE));
  }

  @Test
  void aDailyLimitWithoutRetryAfterLastsTheConfiguredCoolDown() {
    InProcessRateLimiter limiter =
        limiter(RateLimit.fixed(10, TEN_SECONDS).withDailyLimitCoolDown(Duration.ofMinutes(2)));
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "DAILY", null, null);

    RateLimitDecision.DailyLimitReached reached = daily(limiter.acquire(DEADLINE));
    assertThat(reached.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(reached.correlationId()).isEmpty();
    ticker.advance(Duration.ofMinutes(2));
    granted(limiter.acquire(DEADLINE));
  }

  @Test
  void theDefaultDailyCoolDownIsFiveMinutes() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive());
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "daily", Duration.ZERO, "c");

    assertThat(daily(limiter.acquire(DEADLINE)).retryAfter()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aRollingLimit429PausesEveryCallerForRetryAfter() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive());
    Permit inFlight = granted(limiter.acquire(DEADLINE));
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "TEN_SECONDLY_ROLLING", Duration.ofSeconds(3), "c");

    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(3));
    ticker.advance(Duration.ofSeconds(1));
    limiter.onAnswer(inFlight, 200, Headers.none());
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(2));
    ticker.advance(Duration.ofSeconds(2));
    granted(limiter.acquire(DEADLINE));
  }

  @Test
  void othersRequestsThatA429RevealedLeaveFromItsRetryAfterOnNotAllAtTheWindowsEnd() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive());
    // Our one request, refused: HubSpot's window holds 100 requests of other clients, and its
    // oldest leaves in 1 s.
    limiter.onRateLimited(granted(limiter.acquire(DEADLINE)), Optional.of("TEN_SECONDLY_ROLLING"),
        Optional.of(Duration.ofSeconds(1)), Optional.of("c"), Headers.of(100, 10_000, 0));

    // Every caller pauses for the Retry-After; then the 99 others (100 minus our refused one,
    // which we count too) leave evenly until 10 s, the first about 91 ms later (9 s / 99).
    // Before, they all stayed until 10 s.
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(1));
    ticker.advance(Duration.ofSeconds(1));
    Duration wait = waitOf(limiter.acquire(DEADLINE));
    assertThat(wait).isBetween(Duration.ofMillis(80), Duration.ofMillis(100));
    ticker.advance(wait);
    granted(limiter.acquire(DEADLINE));
    assertThat(limiter.acquire(DEADLINE)).isInstanceOf(RateLimitDecision.Wait.class);
  }

  @Test
  void aRollingLimit429WithoutRetryAfterPausesUntilOurOldestRequestLeavesTheWindow() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(100, TEN_SECONDS));
    sendAndAnswer(limiter, Headers.none()); // at 0
    ticker.advance(Duration.ofSeconds(4));
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "TEN_SECONDLY_ROLLING", null, "c");

    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void aRollingLimit429WithNothingOfOursInTheWindowPausesAtMostTheWindow() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(100, TEN_SECONDS));
    sendAndAnswer(limiter, Headers.none());
    ticker.advance(Duration.ofSeconds(30));
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "TEN_SECONDLY_ROLLING", null, "c");

    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(TEN_SECONDS);
  }

  @Test
  void aSecondly429WithoutRetryAfterPausesAtMostASecond() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(100, TEN_SECONDS));
    sendAndAnswer(limiter, Headers.none()); // at 0
    ticker.advance(Duration.ofMillis(300));
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "SECONDLY", null, "c");
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofMillis(700));

    ticker.advance(Duration.ofSeconds(5));
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "SECONDLY", null, "c");
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void a429WithAnUnknownOrNoPolicyPausesAtMostTheWindow() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive());
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), "SOMETHING_NEW", null, null);
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(TEN_SECONDS);

    ticker.advance(TEN_SECONDS);
    ticker.advance(TEN_SECONDS);
    rateLimited(limiter, granted(limiter.acquire(DEADLINE)), null, null, null);
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(TEN_SECONDS);
  }

  @Test
  void aBurstOfUpToHalfTheLimitGoesOutAtOnce() {
    InProcessRateLimiter limiter = limiter(RateLimit.adaptive()); // 100 per 10 s
    for (int i = 0; i < 50; i++) {
      granted(limiter.acquire(DEADLINE));
    }

    // Past half the limit, a tenth of it per tenth of the window: the 51st waits a second.
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void pastHalfTheLimitATenthOfItIsGrantedPerTenthOfTheWindow() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(100, TEN_SECONDS));
    int granted = 0;
    List<Integer> perSecond = new ArrayList<>();
    for (int second = 0; second < 10; second++) {
      int before = granted;
      while (limiter.acquire(DEADLINE) instanceof RateLimitDecision.Granted g) {
        limiter.onAnswer(g.permit(), 200, Headers.none());
        granted++;
      }
      perSecond.add(granted - before);
      ticker.advance(Duration.ofSeconds(1));
    }

    // Half at once, then evenly: the window's second half is spread instead of sent in a burst
    // that would free all at once a window later.
    assertThat(perSecond).containsExactly(50, 10, 10, 10, 10, 10, 0, 0, 0, 0);
  }

  @Test
  void limitsOfFewerThanTwentyAreNotPaced() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(19, TEN_SECONDS));
    for (int i = 0; i < 19; i++) {
      sendAndAnswer(limiter, Headers.none());
    }
    assertThat(waitOf(limiter.acquire(DEADLINE))).isEqualTo(TEN_SECONDS);
  }

  @Test
  void sharingTheAppOurSlotsAreRetakenLaterTheLargerOurShare() {
    Duration small = untilRoomWhenTheWindowIsFull(10);
    Duration large = untilRoomWhenTheWindowIsFull(90);

    // Our oldest slot frees 9 s after the observation. Alone, it is retaken the instant it
    // frees; beside others, up to the window's mean spacing (100 ms) later, in proportion to
    // our share, so that a client holding most of the window leaves some slots to one that
    // holds little instead of retaking each one first.
    Duration nine = Duration.ofSeconds(9);
    assertThat(small).isGreaterThan(nine).isLessThan(large);
    assertThat(large).isLessThanOrEqualTo(nine.plusMillis(100));
  }

  @Test
  void aSlotHeldBackWhileSharingIsNotGrantedToAnotherCallerMeanwhile() {
    InProcessRateLimiter limiter = fullWindow(90);
    Duration wait = waitOf(limiter.acquire(DEADLINE)); // our oldest frees at 9 s, retaken ~90 ms later

    ticker.advance(Duration.ofSeconds(9).plusMillis(1));
    assertThat(limiter.acquire(DEADLINE)).as("inside the slot's hold").isInstanceOf(RateLimitDecision.Wait.class);
    ticker.advance(wait.minus(Duration.ofSeconds(9).plusMillis(1)));
    granted(limiter.acquire(DEADLINE));
  }

  @Test
  void pacingKeepsTheRateOfALimitThatIsNotAMultipleOfTen() {
    InProcessRateLimiter limiter = limiter(RateLimit.fixed(25, TEN_SECONDS));
    int granted = 0;
    for (int second = 0; second < 30; second++) {
      while (limiter.acquire(DEADLINE) instanceof RateLimitDecision.Granted g) {
        limiter.onAnswer(g.permit(), 200, Headers.none());
        granted++;
      }
      ticker.advance(Duration.ofSeconds(1));
    }

    // Three windows' worth: 2 a slice (25 / 10 rounded down) would have allowed only about 20 a
    // window.
    assertThat(granted).isEqualTo(75);
  }

  /**
   * Our {@code own} requests, all but one answered at 0 s, the last at 1 s with HubSpot's window
   * full: the wait for the next permit.
   */
  private Duration untilRoomWhenTheWindowIsFull(int own) {
    return waitOf(fullWindow(own).acquire(DEADLINE));
  }

  private InProcessRateLimiter fullWindow(int own) {
    InProcessRateLimiter limiter = unpaced(RateLimit.adaptive());
    for (int i = 1; i < own; i++) {
      sendAndAnswer(limiter, Headers.none());
    }
    ticker.advance(Duration.ofSeconds(1));
    sendAndAnswer(limiter, Headers.of(100, 10_000, 0));
    return limiter;
  }
}
