package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.RateLimit;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The default limiter: a rolling window shared by every thread of one client, in the spirit of
 * HubSpot's own ten-secondly rolling limit. It never sleeps; {@link #acquire} answers at once with
 * a permit, a wait, or "daily limit reached", and the client does the waiting.
 *
 * <p><b>Counting.</b> A permit counts from its grant until its outcome is reported, then for a
 * whole window from that moment. HubSpot counts a request when it arrives, somewhere between the
 * two, so counting from the outcome is the one choice that is never early, whatever the request's
 * travel time.
 *
 * <p><b>Time.</b> Every window, pause and reset runs on a monotonic nanosecond {@link Ticker}
 * ({@link System#nanoTime()} in production). The wall clock is never read, so setting the system
 * time (NTP steps, daylight saving, a VM resumed) changes nothing; {@code Retry-After} arrives as a
 * duration.
 *
 * <p><b>Kinds.</b> {@link RateLimit.Kind#FIXED} enforces the configured limit and ignores every
 * header. {@link RateLimit.Kind#ADAPTIVE} takes {@code X-HubSpot-RateLimit-Max} and {@code
 * -Interval-Milliseconds} as the limit in force, higher or lower than where it started. {@link
 * RateLimit.Kind#ADAPTIVE_UP_TO} treats the configured limit as a ceiling: in force is the fewer
 * requests of the two over the longer window of the two, which satisfies both. {@link
 * RateLimit.Kind#NONE} is a pure pass-through: it grants every request and ignores every outcome,
 * DAILY 429s included (those are left to the client's retry policy).
 *
 * <p><b>Other clients of the app.</b> {@code X-HubSpot-RateLimit-Remaining} counts every request
 * of the app in HubSpot's window, ours and other processes'. At each observation the limiter
 * splits what HubSpot counted ({@code max - remaining}) into our own permits in the window, which
 * it already tracks and which leave the window at their own times, and the rest: requests of
 * others, of which only the number is known. Those are kept as "phantom" requests stamped at the
 * observation and forgotten a window later, since each of them was made within the window before
 * it; a newer observation replaces them. When the observation is a 429 with a {@code
 * Retry-After}, HubSpot has said when the oldest request of its full window leaves: the phantoms
 * then leave evenly from the {@code Retry-After} to the window's end, not all at its end. New
 * permits are granted only while our own plus the phantoms stay under HubSpot's limit. An
 * earlier design counted requests sent since the last {@code Remaining} and never let that count
 * age, so a low {@code Remaining} seen at a window's
 * edge (mostly our own requests, about to leave) blocked a whole window although HubSpot had room.
 * Answers without the header bring no new information and change nothing. Of our permits still
 * in flight, those granted before the answered one are taken as already counted by HubSpot and
 * the later ones as not yet: a guess either way, which the next answer corrects (and a 429 pauses
 * everyone meanwhile). Two processes that read the same {@code Remaining} at once may both take
 * the room it shows; only a shared limiter avoids that race, this one only makes it short.
 *
 * <p><b>Pacing.</b> Up to half the limit goes out at once; past that (counting other clients'
 * requests that the headers revealed), at most a tenth of the limit per tenth of the window,
 * counted from the grants. A rolling window filled in one burst frees all at once a window
 * later, so a busy client went stop-and-go: a burst, then every caller waiting the rest of the
 * window. Paced, slots free evenly and a waiting caller waits about its turn; the rate over a
 * window is unchanged. Limits under 20 are not paced (a slice of one request would serialise
 * them).
 *
 * <p><b>Sharing with other clients.</b> While the headers reveal other clients' requests, each of
 * our slots is taken again a little after it leaves the window: our share of the window (as
 * HubSpot last counted it) times its mean spacing ({@code window / limit}), at most 100 ms at
 * 100 per 10 s. Without that, a client retook each of its own slots the instant it freed, before
 * a client holding few slots could learn it was free, and a starved client's calls could wait
 * window after window. Alone, nothing changes: HubSpot's count is then all ours, and no slot is
 * held back.
 *
 * <p><b>429s.</b> A {@code DAILY} 429 pauses no one: every later {@link #acquire} returns {@link
 * RateLimitDecision#dailyLimitReached} until the reset, which is the 429's {@code Retry-After} or
 * else {@link RateLimit#dailyLimitCoolDown()}. Any other 429 ({@code TEN_SECONDLY_ROLLING}, {@code
 * SECONDLY}, or no or an unknown policy) pauses every caller for its {@code Retry-After}, or else
 * until the oldest of our requests leaves the window: at most the window, and at most a second for
 * {@code SECONDLY}.
 *
 * <p>Decisions are made under one lock, so no two threads take the same slot; nothing waits while
 * holding it.
 */
public final class InProcessRateLimiter implements RateLimiter {
  private static final System.Logger LOG = System.getLogger(InProcessRateLimiter.class.getName());
  private static final long SECOND = 1_000_000_000L;
  private static final long MILLISECOND = 1_000_000L;
  // Pacing: a window is split in this many slices; see untilPaced.
  private static final int SLICES = 10;
  private static final Permit UNLIMITED = new Permit() {};
  private static final RateLimitDecision GRANTED_UNLIMITED = RateLimitDecision.granted(UNLIMITED);

  private final RateLimit configured;
  private final ClientListener listener;
  private final Ticker ticker;
  private final boolean unlimited;
  private final boolean followsHeaders;
  private final boolean paced;

  // Everything below is guarded by this. Times are ticker readings in nanoseconds.
  private long lastNow;
  private final Set<Held> inFlight = new HashSet<>();
  // When each answered permit was answered, oldest first; a window later it is forgotten.
  // Outcomes are stamped under the lock with a clock that never goes back, so the deque stays
  // sorted without a heap.
  private final ArrayDeque<Long> answered = new ArrayDeque<>();
  // When the permits of the latest slice were granted, for pacing (see untilPaced). Pacing is
  // our own discipline, not HubSpot's count, so it counts from the grant.
  private final ArrayDeque<Long> grants = new ArrayDeque<>();
  private int requests;
  private long windowNanos;
  private int serverMax; // 0 until HubSpot's headers named one
  private long serverWindowNanos; // 0 until HubSpot's headers named one
  private int others; // phantom requests of other clients, see the class comment
  private long othersUntil;
  private long othersFrom; // the phantoms start leaving here, evenly until othersUntil
  private long yieldNanos; // how much later our slots are retaken while others share the app
  private boolean paused;
  private long pausedUntil;
  private boolean dailyReached;
  private long dailyUntil;
  private String dailyCorrelationId;
  private String dailyPolicyName;

  /** A permit of this limiter; the flag makes a second report of the same permit harmless. */
  private static final class Held implements Permit {
    private final InProcessRateLimiter owner;
    private final long grantedAt;

    private Held(InProcessRateLimiter owner, long grantedAt) {
      this.owner = owner;
      this.grantedAt = grantedAt;
    }
  }

  InProcessRateLimiter(RateLimit limit, ClientListener listener, Ticker ticker) {
    this(limit, listener, ticker, true);
  }

  /**
   * @param paced false only for tests of the window's accounting, which take a whole window's
   *     permits at once; see {@link #untilPaced}
   */
  InProcessRateLimiter(RateLimit limit, ClientListener listener, Ticker ticker, boolean paced) {
    this.paced = paced;
    this.configured = Objects.requireNonNull(limit, "limit == null");
    this.listener = Objects.requireNonNull(listener, "listener == null");
    this.ticker = Objects.requireNonNull(ticker, "ticker == null");
    this.unlimited = limit.kind() == RateLimit.Kind.NONE;
    this.followsHeaders =
        limit.kind() == RateLimit.Kind.ADAPTIVE || limit.kind() == RateLimit.Kind.ADAPTIVE_UP_TO;
    this.requests = limit.requests();
    this.windowNanos = limit.window().toNanos();
    this.lastNow = ticker.nanoTime();
    if (!unlimited) {
      synchronized (this) {
        announceLimit();
      }
    }
  }

  /**
   * Decides at once; never waits. {@code timeLeft} is not needed: nothing here is remote.
   *
   * @param timeLeft ignored
   * @return a permit, a wait until the window makes room, or daily limit reached
   */
  @Override
  public RateLimitDecision acquire(Duration timeLeft) {
    if (unlimited) {
      return GRANTED_UNLIMITED;
    }
    synchronized (this) {
      long now = now();
      if (dailyReached) {
        long left = dailyUntil - now;
        if (left > 0) {
          return RateLimitDecision.dailyLimitReached(Duration.ofNanos(left), dailyCorrelationId, dailyPolicyName);
        }
        dailyReached = false;
        dailyCorrelationId = null;
        dailyPolicyName = null;
      }
      if (paused) {
        long left = pausedUntil - now;
        if (left > 0) {
          return RateLimitDecision.waitFor(Duration.ofNanos(left));
        }
        paused = false;
      }
      // Kept a mean spacing longer than the window: sharing the app, a slot is retaken only that
      // much later (see "yield" below), and forgetting it earlier would grant it at once.
      forgetOlderThan(now, Math.max(windowNanos, serverWindow()) + serverWindow() / serverLimit());
      long wait = nanosUntilRoom(now, windowNanos, requests);
      if (others > 0) {
        long othersLeft = othersUntil - now;
        if (othersLeft <= 0) {
          others = 0;
        } else {
          // Once the phantoms expire, only our own count matters again.
          // Sharing the app with others: each of our slots is taken again a little after it frees,
          // the longer the larger our share (at most the window's mean spacing, W / limit). A
          // client that holds most of the window so yields some of it to one that holds little,
          // instead of retaking every slot the instant it frees and starving it.
          int phantoms = phantomsAt(now);
          wait = Math.max(wait,
              Math.min(untilFewerPhantoms(now, phantoms),
                  nanosUntilRoom(now, serverWindow() + yieldNanos, serverLimit() - phantoms)));
        }
      }
      if (wait == 0 && paced) {
        wait = untilPaced(now);
      }
      if (wait > 0) {
        return RateLimitDecision.waitFor(Duration.ofNanos(wait));
      }
      Held permit = new Held(this, now);
      inFlight.add(permit);
      if (paced) {
        grants.addLast(now);
      }
      return RateLimitDecision.granted(permit);
    }
  }

  @Override
  public void onAnswer(Permit permit, int statusCode, RateLimitStatus headers) {
    if (unlimited) {
      return;
    }
    synchronized (this) {
      long now = now();
      learn(headers, release(permit, now), now);
    }
  }

  @Override
  public void onRateLimited(
      Permit permit,
      Optional<String> policyName,
      Optional<Duration> retryAfter,
      Optional<String> correlationId,
      RateLimitStatus headers) {
    if (unlimited) {
      return;
    }
    // Retry-After: 0 says nothing about how long to hold back; treat it as absent.
    Optional<Duration> after = retryAfter.filter(d -> !d.isNegative() && !d.isZero());
    String policy = policyName.map(p -> p.trim().toUpperCase(Locale.ROOT)).orElse("");
    synchronized (this) {
      long now = now();
      learn(headers, release(permit, now), now);
      if (policy.equals("DAILY")) {
        // Retrying before the reset is pointless, and so is holding back other callers: they
        // fail fast instead, until the reset.
        long until = now + after.orElse(configured.dailyLimitCoolDown()).toNanos();
        if (!dailyReached || until - dailyUntil > 0) {
          dailyReached = true;
          dailyUntil = until;
          dailyCorrelationId = correlationId.orElse(null);
          dailyPolicyName = policyName.get();
        }
        return;
      }
      if (after.isPresent() && others > 0 && headers != null && headers.remaining().isPresent()) {
        // HubSpot's window is full and its oldest request leaves after Retry-After: the others'
        // requests that this 429 revealed leave from then on, not all at the window's end.
        othersFrom = now + Math.min(after.get().toNanos(), othersUntil - now);
      }
      long pause;
      if (after.isPresent()) {
        pause = after.get().toNanos();
      } else {
        // No Retry-After: hold back until our oldest request leaves the window HubSpot named
        // (one second for SECONDLY), which frees at least one slot on HubSpot's side too.
        pause = untilOldestLeaves(now, policy.equals("SECONDLY") ? SECOND : serverWindow());
      }
      if (!paused || now + pause - pausedUntil > 0) {
        paused = true;
        pausedUntil = now + pause;
      }
    }
  }

  @Override
  public void onNoAnswer(Permit permit) {
    if (unlimited) {
      return;
    }
    synchronized (this) {
      // HubSpot may have counted it: count it like an answered one.
      release(permit, now());
    }
  }

  /**
   * @return the limit enforced now, as a {@link RateLimit.Kind#FIXED} snapshot with the
   *     configured daily cool-down; empty for {@link RateLimit#none()}
   */
  @Override
  public Optional<RateLimit> limitInForce() {
    if (unlimited) {
      return Optional.empty();
    }
    synchronized (this) {
      return Optional.of(
          RateLimit.fixed(requests, Duration.ofNanos(windowNanos))
              .withDailyLimitCoolDown(configured.dailyLimitCoolDown()));
    }
  }

  // The ticker is monotonic already; clamping keeps the answered deque sorted even if a test
  // ticker, or a platform bug, steps back.
  private long now() {
    long t = ticker.nanoTime();
    if (t - lastNow > 0) {
      lastNow = t;
    }
    return lastNow;
  }

  /** @return the permit, or null when it was reported before (it counts from its first outcome) */
  private Held release(Permit permit, long now) {
    if (!(permit instanceof Held) || ((Held) permit).owner != this) {
      throw new IllegalArgumentException("not a permit of this limiter: " + permit);
    }
    Held held = (Held) permit;
    if (!inFlight.remove(held)) {
      return null;
    }
    answered.addLast(now);
    return held;
  }

  private void learn(RateLimitStatus headers, Held observed, long now) {
    if (!followsHeaders || headers == null || observed == null) {
      return;
    }
    if (headers.max().isPresent() && headers.max().getAsInt() > 0) {
      serverMax = headers.max().getAsInt();
    }
    headers.interval().ifPresent(interval -> serverWindowNanos = interval.toNanos());
    int newRequests;
    long newWindow;
    if (configured.kind() == RateLimit.Kind.ADAPTIVE) {
      newRequests = serverLimit();
      newWindow = serverWindow();
    } else {
      // Fewer requests over a longer window satisfies both the ceiling and HubSpot's limit.
      newRequests = Math.min(configured.requests(), serverLimit());
      newWindow = Math.max(configured.window().toNanos(), serverWindow());
    }
    if (newRequests != requests || newWindow != windowNanos) {
      requests = newRequests;
      windowNanos = newWindow;
      announceLimit();
    }
    if (headers.remaining().isPresent() && headers.remaining().getAsInt() >= 0) {
      long window = serverWindow();
      int counted = serverLimit() - headers.remaining().getAsInt();
      // Of our permits still in flight, those granted before the observed one have most likely
      // reached HubSpot before it, and the later ones not.
      int ownCounted = ownIn(now, window) - inFlight.size();
      for (Held held : inFlight) {
        if (held.grantedAt - observed.grantedAt <= 0) {
          ownCounted++;
        }
      }
      others = Math.max(0, counted - ownCounted);
      othersUntil = now + window;
      // Our share as HubSpot counted it here; fixed until the next observation, so that the hold
      // does not shrink while the slots it holds back leave the window.
      yieldNanos = window / serverLimit() * Math.min(ownCounted, serverLimit()) / serverLimit();
      othersFrom = othersUntil;
    }
  }

  // Until HubSpot's headers name a limit, assume it is the one in force.
  private int serverLimit() {
    return serverMax > 0 ? serverMax : requests;
  }

  private long serverWindow() {
    return serverWindowNanos > 0 ? serverWindowNanos : windowNanos;
  }

  private void forgetOlderThan(long now, long window) {
    while (!answered.isEmpty() && now - answered.peekFirst() >= window) {
      answered.pollFirst();
    }
  }

  private int ownIn(long now, long window) {
    int count = inFlight.size();
    for (long t : answered) {
      if (now - t < window) {
        count++;
      }
    }
    return count;
  }

  /** Nanoseconds until one more permit fits with at most {@code allowed} in the window; 0: now. */
  private long nanosUntilRoom(long now, long window, int allowed) {
    if (allowed <= 0) {
      return Long.MAX_VALUE;
    }
    int inWindow = ownIn(now, window) - inFlight.size();
    int mustLeave = inFlight.size() + inWindow - allowed + 1;
    if (mustLeave <= 0) {
      return 0;
    }
    if (mustLeave > inWindow) {
      // Permits still in flight hold the window; only their outcomes free it, and those are not
      // on the ticker: ask again after about one permit's share of the window.
      return Math.max(MILLISECOND, Math.min(windowNanos / requests, SECOND));
    }
    // The answered permits in the window are the newest ones (the deque is sorted).
    return at(answered, answered.size() - inWindow + mustLeave - 1) + window - now;
  }

  /** @return the element at {@code index} of a deque, counted from its head */
  private static long at(ArrayDeque<Long> deque, int index) {
    int skip = index;
    for (long t : deque) {
      if (skip-- == 0) {
        return t;
      }
    }
    throw new AssertionError("index " + index + " past a deque of " + deque.size());
  }

  /**
   * Spreads the second half of a window: once half the limit is taken (ours and, as far as the
   * headers told, other clients'), at most a tenth of the limit is granted per tenth of the
   * window. Limits under {@code 2 * SLICES} are not paced: a slice of one request would only
   * serialise them.
   *
   * @return nanoseconds until pacing allows one more permit; 0: now
   */
  private long untilPaced(long now) {
    long slice = windowNanos / SLICES;
    while (!grants.isEmpty() && now - grants.peekFirst() >= slice) {
      grants.pollFirst();
    }
    if (requests < 2 * SLICES) {
      return 0;
    }
    // Rounded up, so that ten slices hold at least the limit and pacing never lowers the rate.
    int perSlice = (requests + SLICES - 1) / SLICES;
    // The app's requests, against our limit: with a ceiling below the app's limit and other
    // clients busy, the burst is smaller or none, which is what the ceiling asks for anyway.
    int taken = ownIn(now, windowNanos) + phantomsAt(now);
    if (2 * taken < requests || grants.size() < perSlice) {
      return 0;
    }
    // The grants in the slice are the newest ones; the one that must leave is perSlice from the end.
    return at(grants, grants.size() - perSlice) + slice - now;
  }

  /** Phantoms left at {@code now}: all of them until {@code othersFrom}, then fewer evenly. */
  private int phantomsAt(long now) {
    long span = othersUntil - othersFrom;
    if (now - othersFrom <= 0 || span <= 0) {
      return others;
    }
    return (int) Math.ceil(others * (double) (othersUntil - now) / span);
  }

  /** @return nanoseconds until there is one phantom fewer than {@code phantoms} */
  private long untilFewerPhantoms(long now, int phantoms) {
    long span = othersUntil - othersFrom;
    if (span <= 0 || phantoms <= 0) {
      return othersUntil - now;
    }
    // phantomsAt(t) < phantoms once othersUntil - t <= (phantoms - 1) * span / others.
    long at = othersUntil - (long) ((double) (phantoms - 1) * span / others);
    // at is after othersFrom, since phantoms <= others: no comparison of ticker readings needed.
    return Math.max(MILLISECOND, at - now);
  }

  private long untilOldestLeaves(long now, long window) {
    for (long t : answered) {
      if (now - t < window) {
        return t + window - now;
      }
    }
    return window;
  }

  private void announceLimit() {
    try {
      listener.limitInForce(requests, Duration.ofNanos(windowNanos));
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "a client listener failed; ignored", e);
    }
  }

  @Override
  public String toString() {
    return "InProcessRateLimiter{" + configured + "}";
  }
}
