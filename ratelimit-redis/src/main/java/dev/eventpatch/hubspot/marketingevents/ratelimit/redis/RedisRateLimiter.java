package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A rate limiter that shares one HubSpot budget between every process of a fleet through Redis:
 * every limiter built with the same {@link Builder#key key} (naturally, the app's id) draws on
 * one token bucket, so four workers together stay within the app's burst limit instead of each
 * believing it owns all of it.
 *
 * <pre>{@code
 * RateLimiter limiter = RedisRateLimiter.builder()
 *     .redisUri("redis://redis.internal:6379")
 *     .key("app-1234567")
 *     .limit(RateLimit.adaptiveUpTo(190, Duration.ofSeconds(10)))
 *     .expectedProcesses(4)
 *     .build();
 * MarketingEventsClient client = MarketingEventsClient.builder()
 *     .accessToken(token)
 *     .rateLimiter(limiter)
 *     .build();
 * }</pre>
 *
 * <p>The shared state is Bucket4j's compare-and-swap buckets in Redis, nothing else:
 *
 * <ul>
 *   <li>The request bucket is sized so that no rolling window HubSpot counts can see more than
 *       the limit, with a margin for the time between a grant and HubSpot counting the request
 *       (the {@link Builder#countingDelay countingDelay}): capacity {@code C = max(1, L / 50)},
 *       refilled continuously with {@code L - C} tokens per {@code W + D}, so any interval of
 *       {@code W + D} grants at most {@code C + (L - C) = L}. See {@code docs/fleet-rate-limit.md}.
 *   <li>A {@code TEN_SECONDLY_ROLLING} (or {@code SECONDLY}) 429 pauses every process until its
 *       {@code Retry-After}: the limiter takes the tokens the bucket would refill over that time
 *       out of it, so every process's next request waits.
 *   <li>A {@code DAILY} 429 closes a second bucket, the daily gate, until the reset: every
 *       process then fails fast. No daily budget is counted locally.
 *   <li>HubSpot's {@code X-HubSpot-RateLimit-Max} and {@code -Interval-Milliseconds} headers may
 *       lower the shared limit, never raise it above the configured one; a {@link
 *       RateLimit#fixed fixed} limit ignores them.
 * </ul>
 *
 * <p>When Redis is down, restarting or slow, the limiter falls back to an in-process limiter
 * holding this process's share ({@code limit / expectedProcesses}), logs once, and goes back to
 * the shared bucket when Redis answers again (logging once more), first charging the bucket with
 * what it granted locally in the last window. Every Redis call is bounded by a short timeout of
 * its own and by the call's deadline, so a hung Redis never holds a call up; no request fails
 * because Redis is unavailable. A connection error falls back at once; a timeout only when a
 * call started after an earlier timeout times out too, with no answer in between: on a loaded
 * machine one slow answer is no outage, and the share is a quarter of the limit or less.
 *
 * <p>Thread-safe; one limiter per client. {@link #close()} closes the Redis connection.
 */
public final class RedisRateLimiter implements RateLimiter {

  /** The name this limiter gives itself in {@link ClientListener#limiterFallback}. */
  public static final String NAME = "redis";

  private static final System.Logger LOG = System.getLogger(RedisRateLimiter.class.getName());

  /** The daily gate closes for this long when a {@code DAILY} 429 names no {@code Retry-After}. */
  static final Duration DAILY_PAUSE_WITHOUT_RETRY_AFTER = Duration.ofMinutes(5);

  /** A {@code SECONDLY} 429 without {@code Retry-After} pauses for this long. */
  private static final Duration SECONDLY_PAUSE = Duration.ofSeconds(1);

  private static final Duration SHORTEST_WAIT = Duration.ofMillis(1);

  private final RateLimit.Kind kind;
  private final int configuredLimit;
  private final Duration window;
  private final Duration countingDelay;
  private final Duration redisTimeout;
  private final Duration recheckInterval;
  private final ClientListener listener;
  private final RateLimiter fallback;
  private final int fallbackShare;
  private final SharedBuckets shared;

  /** The limit in force and its bucket; replaced when headers lower or restore it. */
  private volatile BucketSizing sizing;

  /** The limit last written to the shared bucket, when it differs from {@link #sizing}. */
  private volatile int sharedLimit;

  private final AtomicBoolean fallingBack = new AtomicBoolean();
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long nextProbeNanos;
  /** Whether a Redis call timed out with no answer since, and when it did; guarded by this. */
  private boolean timedOut;
  private long timedOutAtNanos;

  /** When this process granted requests from the fallback, to charge the bucket on recovery. */
  private final ConcurrentLinkedQueue<Long> localGrants = new ConcurrentLinkedQueue<>();
  /**
   * When this process was granted from the shared bucket, within the last window and margin, so
   * that on falling back its share counts them: otherwise each process would start a fresh share
   * right after taking its part of the shared limit, and the fleet would send up to twice the
   * limit across the switch. Guarded by itself.
   */
  private final ArrayDeque<Long> sharedGrants = new ArrayDeque<>();

  /** A daily limit this process saw itself, so it fails fast even without Redis. */
  private volatile DailyBlock dailyBlock;

  /** A pause this process could not share because Redis was unavailable when the 429 came. */
  private volatile long localPauseUntilNanos;

  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * The first connection and the first command, started by the constructor. Until it ends, a
   * call waits for it (within its deadline and the connect timeout) rather than falling back
   * because a cold start is slower than {@code redisTimeout}: a fleet that starts at once would
   * otherwise begin on its shares and mix them with the shared bucket.
   */
  private final CompletableFuture<?> warmUp;

  private RedisRateLimiter(Builder builder, RedisURI uri) {
    RateLimit limit = builder.limit;
    this.kind = limit.kind();
    this.configuredLimit = limit.requests();
    this.window = limit.window();
    this.countingDelay = builder.countingDelay;
    this.redisTimeout = builder.redisTimeout;
    this.recheckInterval = builder.recheckInterval;
    this.listener = builder.listener;
    this.sizing = BucketSizing.of(configuredLimit, window, countingDelay);
    this.sharedLimit = configuredLimit;
    // nanoTime may be negative: "no pause" must be a time already past, not zero.
    this.localPauseUntilNanos = System.nanoTime();
    this.fallbackShare = Math.max(1, configuredLimit / builder.expectedProcesses);
    this.fallback = builder.fallback.apply(RateLimit.fixed(fallbackShare, window));
    this.shared =
        new SharedBuckets(
            uri,
            builder.key,
            () -> configuration(sizing),
            BucketConfiguration.builder()
                .addLimit(gate -> gate.capacity(1).refillGreedy(1, Duration.ofSeconds(1)))
                .build(),
            redisTimeout,
            window.plus(countingDelay));
    notifyLimit(configuredLimit);
    this.warmUp = shared.warmUp();
  }

  /** @return a builder; the Redis URI, the key and the limit are required */
  public static Builder builder() {
    return new Builder();
  }

  static BucketConfiguration configuration(BucketSizing sizing) {
    return BucketConfiguration.builder()
        .addLimit(
            limit ->
                limit
                    .capacity(sizing.capacity())
                    .refillGreedy(sizing.refillTokens(), sizing.refillPeriod()))
        .build();
  }

  @Override
  public RateLimitDecision acquire(Duration timeLeft) {
    long now = System.nanoTime();
    DailyBlock daily = dailyBlock;
    if (daily != null && now - daily.untilNanos < 0) {
      return RateLimitDecision.dailyLimitReached(
          Duration.ofNanos(daily.untilNanos - now), daily.correlationId, daily.policyName);
    }
    long pause = localPauseUntilNanos;
    if (now - pause < 0) {
      return RateLimitDecision.waitFor(atLeastShortest(Duration.ofNanos(pause - now)));
    }
    if (fallingBack.get()) {
      if (now - nextProbeNanos < 0 || !probing.compareAndSet(false, true)) {
        return local(timeLeft);
      }
      try {
        return probe(timeLeft);
      } finally {
        probing.set(false);
      }
    }
    awaitWarmUp(timeLeft);
    long started = System.nanoTime();
    try {
      RateLimitDecision decision = fromShared(timeLeft);
      answered();
      return decision;
    } catch (SharedBuckets.Unavailable e) {
      if (!outage(e, started)) {
        // One slow answer: ask Redis again at once rather than leave the shared bucket.
        return RateLimitDecision.waitFor(SHORTEST_WAIT);
      }
      fallBack(e);
      return local(timeLeft);
    }
  }

  /**
   * Whether a failed Redis call means Redis is out: a connection error does; a timeout only
   * when the call started after an earlier timeout, with no answer since. Calls that were under
   * way together when Redis stalled count as one timeout, not several.
   */
  private synchronized boolean outage(SharedBuckets.Unavailable e, long startedNanos) {
    if (!(e.getCause() instanceof TimeoutException)) {
      return true;
    }
    if (!timedOut) {
      timedOut = true;
      timedOutAtNanos = System.nanoTime();
      return false;
    }
    return startedNanos - timedOutAtNanos >= 0;
  }

  /** Redis answered: the next timeout is a first one again. */
  private synchronized void answered() {
    timedOut = false;
  }

  private void awaitWarmUp(Duration timeLeft) {
    if (warmUp.isDone()) {
      return;
    }
    Duration connect = SharedBuckets.connectTimeout();
    Duration bound = timeLeft != null && timeLeft.compareTo(connect) < 0 ? timeLeft : connect;
    try {
      warmUp.get(bound.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      // The call itself finds out, within redisTimeout, and falls back.
    }
  }

  /** While falling back: one caller at a time tries Redis again; the others stay local. */
  private RateLimitDecision probe(Duration timeLeft) {
    try {
      chargeLocalGrants(timeLeft);
      RateLimitDecision decision = fromShared(timeLeft);
      recover();
      return decision;
    } catch (SharedBuckets.Unavailable e) {
      nextProbeNanos = System.nanoTime() + recheckInterval.toNanos();
      return local(timeLeft);
    }
  }

  /**
   * Takes from the shared bucket what this process granted locally within the last window and
   * margin, so that the fleet's total stays within the limit across the switch back.
   */
  private void chargeLocalGrants(Duration timeLeft) throws SharedBuckets.Unavailable {
    long horizon = System.nanoTime() - window.plus(countingDelay).toNanos();
    localGrants.removeIf(granted -> granted - horizon < 0);
    int recent = localGrants.size();
    if (recent > 0) {
      shared.call(buckets -> buckets.requests().consumeIgnoringRateLimits(recent), bound(timeLeft));
      localGrants.clear();
    }
  }

  private RateLimitDecision fromShared(Duration timeLeft) throws SharedBuckets.Unavailable {
    Probes probes =
        shared.call(
            buckets -> {
              // Both go out at once on the one connection: a single round trip.
              CompletableFuture<EstimationProbe> daily = buckets.daily().estimateAbilityToConsume(1);
              CompletableFuture<ConsumptionProbe> request =
                  buckets.requests().tryConsumeAndReturnRemaining(1);
              return daily.thenCombine(request, Probes::new);
            },
            bound(timeLeft));
    if (!probes.daily.canBeConsumed()) {
      return RateLimitDecision.dailyLimitReached(
          Duration.ofNanos(probes.daily.getNanosToWaitForRefill()), null, "DAILY");
    }
    if (probes.request.isConsumed()) {
      long now = System.nanoTime();
      synchronized (sharedGrants) {
        forgetSharedGrantsBefore(now - window.plus(countingDelay).toNanos());
        sharedGrants.addLast(now);
      }
      return RateLimitDecision.granted(SharedPermit.INSTANCE);
    }
    // Callers told to wait for the same token would all come back at once and contend for it
    // through compare-and-swap; up to one token's refill time of jitter spreads them out.
    long tokenNanos = sizing.refillPeriod().toNanos() / sizing.refillTokens();
    long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, tokenNanos));
    return RateLimitDecision.waitFor(
        atLeastShortest(Duration.ofNanos(probes.request.getNanosToWaitForRefill() + jitter)));
  }

  private record Probes(EstimationProbe daily, ConsumptionProbe request) {}

  private RateLimitDecision local(Duration timeLeft) {
    long now = System.nanoTime();
    long horizon = now - window.plus(countingDelay).toNanos();
    synchronized (sharedGrants) {
      forgetSharedGrantsBefore(horizon);
      if (!sharedGrants.isEmpty()) {
        localGrants.removeIf(granted -> granted - horizon < 0);
        if (sharedGrants.size() + localGrants.size() >= fallbackShare) {
          // The share is spent by what the shared bucket granted just before: wait for the
          // oldest of those to leave the window and margin.
          return RateLimitDecision.waitFor(atLeastShortest(Duration.ofNanos(sharedGrants.peekFirst() - horizon)));
        }
      }
    }
    RateLimitDecision decision = fallback.acquire(timeLeft);
    if (decision instanceof RateLimitDecision.Granted granted) {
      localGrants.add(System.nanoTime());
      return RateLimitDecision.granted(new LocalPermit(granted.permit()));
    }
    return decision;
  }

  private void forgetSharedGrantsBefore(long horizon) {
    while (!sharedGrants.isEmpty() && sharedGrants.peekFirst() - horizon < 0) {
      sharedGrants.pollFirst();
    }
  }

  private void fallBack(SharedBuckets.Unavailable cause) {
    nextProbeNanos = System.nanoTime() + recheckInterval.toNanos();
    if (fallingBack.compareAndSet(false, true)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Redis is unavailable for the shared rate limit ({0}); this process falls back to its"
              + " share of {1} requests per {2} until Redis answers again",
          cause.getMessage(),
          fallbackShare,
          window);
      notifyFallback(true);
    }
  }

  private void recover() {
    if (fallingBack.compareAndSet(true, false)) {
      LOG.log(
          System.Logger.Level.INFO,
          "Redis answers again: this process is back on the shared rate limit");
      notifyFallback(false);
    }
  }

  @Override
  public void onAnswer(Permit permit, int statusCode, RateLimitStatus headers) {
    if (permit instanceof LocalPermit local) {
      fallback.onAnswer(local.inner, statusCode, headers);
    }
    adaptTo(headers);
  }

  @Override
  public void onRateLimited(
      Permit permit,
      Optional<String> policyName,
      Optional<Duration> retryAfter,
      Optional<String> correlationId,
      RateLimitStatus headers) {
    if (permit instanceof LocalPermit local) {
      fallback.onRateLimited(local.inner, policyName, retryAfter, correlationId, headers);
    }
    adaptTo(headers);
    String policy = policyName.map(name -> name.toUpperCase(Locale.ROOT)).orElse("UNKNOWN");
    Optional<Duration> given = retryAfter.filter(d -> !d.isNegative() && !d.isZero());
    if (policy.equals("DAILY")) {
      Duration pause = given.orElse(DAILY_PAUSE_WITHOUT_RETRY_AFTER);
      dailyBlock = new DailyBlock(System.nanoTime() + pause.toNanos(), correlationId.orElse(null), policy);
      closeDailyGate(pause);
    } else {
      Duration pause = given.orElse(policy.equals("SECONDLY") ? SECONDLY_PAUSE : defaultPause());
      pauseEveryone(pause);
    }
  }

  /** A rolling-window 429 without Retry-After: a tenth of the window, at least a second. */
  private Duration defaultPause() {
    Duration tenth = window.dividedBy(10);
    return tenth.compareTo(SECONDLY_PAUSE) < 0 ? SECONDLY_PAUSE : tenth;
  }

  /**
   * Empties the request bucket and takes out what it would refill over {@code pause}, so that
   * no process is granted a request before then. Reading first keeps two processes that report
   * the same burst of 429s from doubling the pause (a race can still lengthen it slightly).
   */
  private void pauseEveryone(Duration pause) {
    long debt = sizing.tokensRefilledOver(pause);
    if (fallingBack.get()) {
      pauseLocally(pause);
      return;
    }
    long started = System.nanoTime();
    try {
      shared.call(
          buckets ->
              buckets
                  .requests()
                  .getAvailableTokens()
                  .thenCompose(
                      available ->
                          available + debt > 0
                              ? buckets.requests().consumeIgnoringRateLimits(available + debt)
                              : CompletableFuture.completedFuture(0L)),
          redisTimeout);
      answered();
    } catch (SharedBuckets.Unavailable e) {
      pauseLocally(pause);
      if (outage(e, started)) {
        fallBack(e);
      }
    }
  }

  private synchronized void pauseLocally(Duration pause) {
    long until = System.nanoTime() + pause.toNanos();
    if (until - localPauseUntilNanos > 0) {
      localPauseUntilNanos = until;
    }
  }

  /** Closes the daily gate for {@code pause}: it refills one token a second, so the debt is seconds. */
  private void closeDailyGate(Duration pause) {
    long seconds = Math.max(1, (pause.toMillis() + 999) / 1000);
    if (fallingBack.get()) {
      // This process already fails fast through dailyBlock; Redis is not asked while it is out.
      return;
    }
    try {
      shared.call(
          buckets ->
              buckets
                  .daily()
                  .getAvailableTokens()
                  .thenCompose(
                      available ->
                          available + seconds > 0
                              ? buckets.daily().consumeIgnoringRateLimits(available + seconds)
                              : CompletableFuture.completedFuture(0L)),
          redisTimeout);
    } catch (SharedBuckets.Unavailable e) {
      // This process already fails fast through dailyBlock; the others learn from their own 429.
      fallBack(e);
    }
  }

  @Override
  public void onNoAnswer(Permit permit) {
    // HubSpot may have counted it: a shared grant stays spent.
    if (permit instanceof LocalPermit local) {
      fallback.onNoAnswer(local.inner);
    }
  }

  /**
   * Lowers the shared limit to what HubSpot's headers say the app has, or restores it up to the
   * configured one; never above it.
   */
  private void adaptTo(RateLimitStatus headers) {
    if (kind == RateLimit.Kind.FIXED) {
      return;
    }
    OptionalInt max = headers.max();
    Optional<Duration> interval = headers.interval();
    if (max.isPresent() && interval.isPresent() && max.getAsInt() > 0) {
      long perWindow = (long) max.getAsInt() * window.toNanos() / interval.get().toNanos();
      int limit = (int) Math.max(BucketSizing.MINIMUM_LIMIT, Math.min(configuredLimit, perWindow));
      if (limit != sizing.limit()) {
        synchronized (this) {
          if (limit != sizing.limit()) {
            sizing = BucketSizing.of(limit, window, countingDelay);
            notifyLimit(limit);
          }
        }
      }
    }
    BucketSizing wanted = sizing;
    if (wanted.limit() != sharedLimit && !fallingBack.get()) {
      try {
        shared.call(
            buckets ->
                buckets
                    .requests()
                    .replaceConfiguration(configuration(wanted), TokensInheritanceStrategy.AS_IS),
            redisTimeout);
        sharedLimit = wanted.limit();
      } catch (SharedBuckets.Unavailable e) {
        // Tried again with the next answer; meanwhile a recreated bucket gets the new size.
        fallBack(e);
      }
    }
  }

  @Override
  public Optional<RateLimit> limitInForce() {
    int limit = sizing.limit();
    return Optional.of(
        kind == RateLimit.Kind.FIXED
            ? RateLimit.fixed(limit, window)
            : RateLimit.adaptiveUpTo(limit, window));
  }

  /** @return whether the limiter uses its in-process fallback now */
  public boolean isFallingBack() {
    return fallingBack.get();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      fallback.close();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "the fallback limiter failed to close", e);
    }
    try {
      shared.close();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "the Redis connection failed to close", e);
    }
  }

  /** @return the request bucket's key in Redis, for tests */
  String requestsKey() {
    return shared.requestsKey();
  }

  /** @return the bucket's sizing in force */
  BucketSizing sizing() {
    return sizing;
  }

  private Duration bound(Duration timeLeft) {
    Duration bound = timeLeft == null || timeLeft.compareTo(redisTimeout) > 0 ? redisTimeout : timeLeft;
    return bound.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : bound;
  }

  private static Duration atLeastShortest(Duration wait) {
    return wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wait;
  }

  private void notifyFallback(boolean fallingBack) {
    try {
      listener.limiterFallback(NAME, fallingBack);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "a listener failed", e);
    }
  }

  private void notifyLimit(int limit) {
    try {
      listener.limitInForce(limit, window);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "a listener failed", e);
    }
  }

  @Override
  public String toString() {
    // No Redis URI: it may carry a password.
    return "RedisRateLimiter{" + sizing.limit() + " per " + window + ", fallingBack=" + fallingBack.get() + "}";
  }

  /** A grant of the shared bucket: nothing to hand back. */
  private enum SharedPermit implements Permit {
    INSTANCE
  }

  /** A grant of the fallback, which gets its own permit back. */
  private record LocalPermit(Permit inner) implements Permit {}

  private record DailyBlock(long untilNanos, String correlationId, String policyName) {}

  /** Configures a {@link RedisRateLimiter}. */
  public static final class Builder {
    private String redisUri;
    private String key;
    private RateLimit limit;
    private int expectedProcesses = 1;
    private Duration countingDelay = Duration.ofMillis(500);
    private Duration redisTimeout = Duration.ofMillis(500);
    private Duration recheckInterval = Duration.ofSeconds(1);
    private ClientListener listener = new ClientListener() {};
    private Function<RateLimit, RateLimiter> fallback = RateLimiter::inProcess;

    private Builder() {}

    /**
     * Where Redis is, as a Redis URI: {@code redis://host:port}, with a password, database or
     * TLS ({@code rediss://}) as Redis URIs spell them. Required.
     *
     * @param redisUri the URI
     * @return this builder
     */
    public Builder redisUri(String redisUri) {
      this.redisUri = Objects.requireNonNull(redisUri, "redisUri == null");
      return this;
    }

    /**
     * The budget's name: every limiter with the same key shares one budget. Use the app's id,
     * since HubSpot counts the burst limit per app. Required.
     *
     * @param key the key, not blank
     * @return this builder
     * @throws IllegalArgumentException if the key is blank
     */
    public Builder key(String key) {
      Objects.requireNonNull(key, "key == null");
      if (key.isBlank()) {
        throw new IllegalArgumentException("key is blank");
      }
      this.key = key;
      return this;
    }

    /**
     * The fleet's limit: {@link RateLimit#fixed fixed} ignores HubSpot's headers; {@link
     * RateLimit#adaptiveUpTo adaptiveUpTo} lets them lower it, never raise it; {@link
     * RateLimit#adaptive()} is taken as {@code adaptiveUpTo(100, 10 s)}, its starting point,
     * since a shared limit never rises above what was configured. Required.
     *
     * @param limit the limit; at least 2 requests per window
     * @return this builder
     * @throws IllegalArgumentException for {@link RateLimit#none()} or a limit below 2
     */
    public Builder limit(RateLimit limit) {
      Objects.requireNonNull(limit, "limit == null");
      if (limit.kind() == RateLimit.Kind.NONE) {
        throw new IllegalArgumentException("a shared limiter needs a limit; RateLimit.none() has none");
      }
      if (limit.requests() < BucketSizing.MINIMUM_LIMIT) {
        throw new IllegalArgumentException(
            "a shared limit needs at least " + BucketSizing.MINIMUM_LIMIT + " requests per window, got " + limit);
      }
      this.limit =
          limit.kind() == RateLimit.Kind.ADAPTIVE
              ? RateLimit.adaptiveUpTo(limit.requests(), limit.window())
              : limit;
      return this;
    }

    /**
     * How many processes normally share the key: while Redis is unavailable each process keeps
     * to {@code limit / expectedProcesses}. 1 by default.
     *
     * @param expectedProcesses at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder expectedProcesses(int expectedProcesses) {
      if (expectedProcesses < 1) {
        throw new IllegalArgumentException("expectedProcesses must be at least 1, got " + expectedProcesses);
      }
      this.expectedProcesses = expectedProcesses;
      return this;
    }

    /**
     * The most time between a grant and HubSpot counting the request (queueing, connecting,
     * network, clock differences between processes): the bucket's margin. 500 ms by default.
     * Larger is safer and gives a little less throughput (see the class comment).
     *
     * @param countingDelay zero or positive
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder countingDelay(Duration countingDelay) {
      Objects.requireNonNull(countingDelay, "countingDelay == null");
      if (countingDelay.isNegative()) {
        throw new IllegalArgumentException("countingDelay must not be negative, got " + countingDelay);
      }
      this.countingDelay = countingDelay;
      return this;
    }

    /**
     * The longest one call to Redis may take before this process falls back to its share; the
     * call's own deadline bounds it too. 500 ms by default: a round trip to a nearby Redis takes
     * about a millisecond, so only a Redis in trouble, or a process stalled that long, reaches it.
     *
     * @param redisTimeout positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder redisTimeout(Duration redisTimeout) {
      Objects.requireNonNull(redisTimeout, "redisTimeout == null");
      if (redisTimeout.isNegative() || redisTimeout.isZero()) {
        throw new IllegalArgumentException("redisTimeout must be positive, got " + redisTimeout);
      }
      this.redisTimeout = redisTimeout;
      return this;
    }

    /**
     * Hears when the limiter falls back and recovers ({@link ClientListener#limiterFallback},
     * named {@value RedisRateLimiter#NAME}) and the limit in force ({@link
     * ClientListener#limitInForce}). Give it the same listener as the client.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ClientListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** While falling back, how often one caller tries Redis again; 1 s by default. For tests. */
    Builder recheckInterval(Duration recheckInterval) {
      this.recheckInterval = Objects.requireNonNull(recheckInterval, "recheckInterval == null");
      return this;
    }

    /** Builds the fallback from this process's share; {@link RateLimiter#inProcess} by default. */
    Builder fallback(Function<RateLimit, RateLimiter> fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback == null");
      return this;
    }

    /**
     * Builds the limiter. It starts connecting to Redis in the background and works from its
     * fallback until Redis answers, so a fleet starts even while Redis is down.
     *
     * @return the limiter
     * @throws IllegalStateException if the Redis URI, the key or the limit is missing
     * @throws IllegalArgumentException if the Redis URI is malformed
     */
    public RedisRateLimiter build() {
      if (redisUri == null) {
        throw new IllegalStateException("redisUri required");
      }
      if (key == null) {
        throw new IllegalStateException("key required");
      }
      if (limit == null) {
        throw new IllegalStateException("limit required");
      }
      RedisURI uri;
      try {
        uri = RedisURI.create(redisUri);
      } catch (RuntimeException e) {
        // Lettuce's message may quote the URI, and with it a password.
        throw new IllegalArgumentException("redisUri is not a valid Redis URI");
      }
      uri.setTimeout(redisTimeout);
      return new RedisRateLimiter(this, uri);
    }
  }
}
