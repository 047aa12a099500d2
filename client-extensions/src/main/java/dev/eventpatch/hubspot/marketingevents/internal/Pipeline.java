package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.AccessTokenProvider;
import dev.eventpatch.hubspot.marketingevents.RateLimitStatus;
import dev.eventpatch.hubspot.marketingevents.RequestOptions;
import dev.eventpatch.hubspot.marketingevents.RetryPolicy;
import dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException;
import dev.eventpatch.hubspot.marketingevents.exception.MarketingEventsException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitException;
import dev.eventpatch.hubspot.marketingevents.exception.RateLimitWaitTimeoutException;
import dev.eventpatch.hubspot.marketingevents.spi.ClientListener;
import dev.eventpatch.hubspot.marketingevents.spi.Permit;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimitDecision;
import dev.eventpatch.hubspot.marketingevents.spi.RateLimiter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import okhttp3.Request;

/**
 * The one path every operation takes: build the request (the operation, with the generated
 * interface), add credentials, take a rate-limit permit, send, classify the answer, retry when
 * the policy says so, decode. An operation contributes only its request and its decoding; see
 * {@code docs/design.md}.
 *
 * <p>Time comes from {@link Timing}: monotonic for the deadline and waits, the wall clock only for
 * {@code Retry-After} dates. Every wait (permit, backoff) ends at the call's deadline or when the
 * call is cancelled; each attempt's timeout is cut to what is left of the deadline.
 */
public final class Pipeline implements AutoCloseable {
  private static final Logger LOG = System.getLogger("dev.eventpatch.hubspot.marketingevents");

  /**
   * Everything the pipeline needs, decided by the client's builder.
   *
   * @param baseUrl the API root with a trailing slash
   * @param network the transport's settings
   * @param tokens the token source
   * @param retryPolicy when to retry
   * @param limiter the rate limiter
   * @param listener who hears about attempts, retries and waits
   * @param callTimeout the whole call's deadline
   * @param attemptTimeout one attempt's timeout
   * @param userAgent the User-Agent header
   * @param timing time, and how to wait
   * @param jitter uniform numbers in [0, 1) for backoff
   */
  public record Settings(
      String baseUrl,
      HttpTransport.Network network,
      AccessTokenProvider tokens,
      RetryPolicy retryPolicy,
      RateLimiter limiter,
      ClientListener listener,
      Duration callTimeout,
      Duration attemptTimeout,
      String userAgent,
      Timing timing,
      DoubleSupplier jitter) {}

  private final Settings settings;
  private final HttpTransport transport;
  private final Timing timing;
  private final RateLimiter limiter;
  private final Set<CallContext> running = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile boolean closed;

  /** @param settings the settings */
  public Pipeline(Settings settings) {
    this.settings = settings;
    this.timing = settings.timing();
    this.limiter = settings.limiter();
    this.transport = new HttpTransport(settings.baseUrl(), settings.network());
  }

  /**
   * Runs one call of an operation on the calling thread.
   *
   * @param operation what to send and how to read the answer
   * @param options the call's overrides
   * @param call its cancellation state
   * @param <T> the result
   * @return the result
   * @throws MarketingEventsException when the call fails
   * @throws IllegalStateException when the client is or gets closed
   * @throws CancellationException when the call is cancelled
   */
  public <T> T execute(Operation<T> operation, RequestOptions options, CallContext call) {
    if (closed) {
      throw closedException();
    }
    call.runOn(Thread.currentThread());
    running.add(call);
    try {
      if (closed) {
        call.cancel(CallContext.Reason.CLIENT_CLOSED); // closed while registering
      }
      return run(operation, options, call);
    } finally {
      running.remove(call);
      call.runOn(null);
    }
  }

  private <T> T run(Operation<T> operation, RequestOptions options, CallContext call) {
    long start = timing.nanoTime();
    Duration callTimeout = options.callTimeout().orElse(settings.callTimeout());
    long deadline = start + callTimeout.toNanos();
    long attemptNanos = options.attemptTimeout().orElse(settings.attemptTimeout()).toNanos();
    Request.Builder template = operation.request(transport.api()).newBuilder().header("User-Agent", settings.userAgent());
    options.headers().forEach(template::header);
    Request unsigned = template.build();
    int attempt = 0; // requests sent, as logs, listeners and UpdateResponse.attempts() count them
    int refusals = 0; // of those, the non-DAILY 429s: they do not use up maxAttempts
    boolean staleResent = false;
    MarketingEventsException failure = null; // the last attempt's, while retrying
    while (true) {
      failIfCancelled(call);
      Permit permit;
      try {
        permit = acquire(call, start, deadline, callTimeout);
      } catch (RateLimitWaitTimeoutException e) {
        if (failure == null) {
          throw e;
        }
        // A retry that could not get a permit before the deadline: what the caller needs first is
        // the answer HubSpot gave (its status, correlation id), and then why it was not retried.
        failure.addSuppressed(e);
        throw failure;
      }
      String token;
      try {
        // After the permit: a long wait must not send a token that expired meanwhile.
        token = currentToken();
      } catch (RuntimeException | Error e) {
        // An Error too: the future completes with it, and the permit must not stay in flight
        // for the rest of the client's life.
        limiter.onNoAnswer(permit);
        throw e;
      }
      attempt++;
      Request request = unsigned.newBuilder().header("Authorization", "Bearer " + token).build();
      long timeout = Math.min(attemptNanos, deadline - timing.nanoTime());
      if (timeout <= 0) {
        limiter.onNoAnswer(permit);
        throw Errors.get().timeout(deadlineMessage(callTimeout, attempt), null);
      }
      if (LOG.isLoggable(Level.DEBUG)) {
        // The Authorization header is never logged, not even in part.
        LOG.log(Level.DEBUG, "--> {0} {1} ({2} at API version {3}, attempt {4}, Authorization: <redacted>, extra"
            + " headers {5})", request.method(), request.url(), operation.name(), operation.apiVersion(), attempt,
            options.headers().keySet());
      }
      long sentAt = timing.nanoTime();
      Exchange answer;
      failure = null;
      Duration retryAfter = null;
      boolean rateLimited = false;
      String reason = null;
      try {
        answer = transport.execute(request, timeout, call);
      } catch (HttpTransport.BodyTooLargeException e) {
        RateLimitStatus headers = RateLimitStatus.fromHeaders(e.headers);
        if (e.status == 429) {
          // Its body (and so its policy) is unread, but it is a 429 and its headers count: the
          // limiter must still hold back, for the Retry-After when there is one.
          List<String> after = e.headers.get("retry-after");
          limiter.onRateLimited(permit, Optional.empty(),
              Optional.ofNullable(after == null ? null : ErrorDecoder.retryAfter(after.get(0), timing.wallClock())),
              Optional.ofNullable(e.correlationId), headers);
        } else {
          limiter.onAnswer(permit, e.status, headers);
        }
        attemptEnded(operation, attempt, e.status, sentAt);
        throw Errors.get().decoding(e.status, e.correlationId, e.getMessage(), null);
      } catch (IOException e) {
        limiter.onNoAnswer(permit);
        attemptEnded(operation, attempt, 0, sentAt);
        failIfCancelled(call);
        if (e instanceof HttpTransport.StaleConnectionException && !staleResent) {
          // A keep-alive connection the server had closed: not a failure of the call, and not an
          // attempt. Once only, so that a server that always drops the connection still fails.
          staleResent = true;
          attempt--;
          LOG.log(Level.DEBUG, "resending on a fresh connection: {0}", e.getMessage());
          continue;
        }
        failure = connectionFailure(e instanceof HttpTransport.StaleConnectionException ? (IOException) e.getCause() : e,
            deadline, callTimeout, attempt, attemptNanos);
        if (!settings.retryPolicy().retryOnConnectionFailure()) {
          throw failure;
        }
        answer = null;
        reason = "connection";
      } catch (RuntimeException e) {
        // Not an I/O failure but a bug below, or a user's ProxySelector that throws: not retried,
        // and passed on as it is; the permit still goes back, or the limiter counts it forever.
        limiter.onNoAnswer(permit);
        attemptEnded(operation, attempt, 0, sentAt);
        throw e;
      }
      if (answer != null) {
        int status = answer.statusCode();
        attemptEnded(operation, attempt, status, sentAt);
        RateLimitStatus headers = RateLimitStatus.fromHeaders(answer.headers());
        if (status >= 200 && status < 300) {
          limiter.onAnswer(permit, status, headers);
          return operation.decode(answer, attempt);
        }
        HubSpotApiException error = ErrorDecoder.decode(answer, timing.wallClock());
        if (status == 429) {
          limiter.onRateLimited(permit, error.policyName(), error.retryAfter(), error.correlationId(), headers);
          notify(() -> settings.listener().rateLimited(error.policyName().orElse("UNKNOWN")));
          if (((RateLimitException) error).isDailyLimit()) {
            throw error; // retrying before the reset is pointless; later calls fail fast
          }
          rateLimited = true;
          refusals++;
        } else {
          limiter.onAnswer(permit, status, headers);
        }
        if (!isRetried(status)) {
          throw error;
        }
        failure = error;
        retryAfter = error.retryAfter().orElse(null);
        reason = Integer.toString(status);
      }
      Duration delay = nextDelay(attempt, refusals, retryAfter, rateLimited);
      // Compared as a difference: nanoTime may wrap.
      if (delay == null || timing.nanoTime() + delay.toNanos() - deadline >= 0) {
        throw failure;
      }
      int failed = attempt;
      Duration wait = delay;
      String why = reason;
      notify(() -> settings.listener().retryScheduled(operation.name(), failed, wait, why));
      LOG.log(Level.DEBUG, "retrying after {0} ms: {1}", delay.toMillis(), failure.getMessage());
      sleep(delay.toNanos(), call);
    }
  }

  /** Asks the limiter until it grants, waiting as told, never past the deadline. */
  private Permit acquire(CallContext call, long start, long deadline, Duration callTimeout) {
    long waited = 0;
    while (true) {
      long now = timing.nanoTime();
      long left = deadline - now;
      RateLimitDecision decision = limiter.acquire(Duration.ofNanos(Math.max(0, left)));
      if (decision instanceof RateLimitDecision.Granted) {
        if (waited > 0) {
          long total = waited;
          notify(() -> settings.listener().permitWaited(Duration.ofNanos(total)));
        }
        return ((RateLimitDecision.Granted) decision).permit();
      }
      if (decision instanceof RateLimitDecision.DailyLimitReached) {
        RateLimitDecision.DailyLimitReached daily = (RateLimitDecision.DailyLimitReached) decision;
        throw Errors.get().dailyLimitNotSent(daily.retryAfter(), daily.correlationId().orElse(null), daily.policyName());
      }
      long wait = ((RateLimitDecision.Wait) decision).duration().toNanos();
      if (wait > left) {
        // The permit would come after the deadline: give up now rather than wait for nothing.
        throw Errors.get().permitWaitTimedOut(Duration.ofNanos(now - start), callTimeout);
      }
      sleep(wait, call);
      waited += timing.nanoTime() - now;
    }
  }

  /**
   * The wait before the next attempt, or null to give up: full-jitter exponential backoff, at
   * least a {@code Retry-After}. After a 429 the backoff comes on top of the {@code Retry-After}
   * (whose pause the limiter applies to every caller), so that the calls it held do not all come
   * back at the same instant when it ends.
   *
   * <p>A non-DAILY 429 ({@code refusals}) does not use up an attempt: HubSpot refused the request
   * unprocessed, and several clients of one app, each with its own limiter, can draw several in a
   * row for the same call. Counting them lost updates that a wait would have saved; the deadline
   * bounds them instead, and the backoff ceiling still grows with every request sent. A policy of
   * one attempt retries nothing, these included.
   */
  private Duration nextDelay(int attemptsMade, int refusals, Duration retryAfter, boolean rateLimited) {
    RetryPolicy policy = settings.retryPolicy();
    if (policy.maxAttempts() == 1 || attemptsMade - refusals >= policy.maxAttempts()) {
      return null;
    }
    long maxMillis = policy.maxDelay().toMillis();
    if (retryAfter != null && retryAfter.toMillis() > maxMillis) {
      return null;
    }
    long base = policy.baseDelay().toMillis();
    long ceiling = attemptsMade >= 31 ? maxMillis : Math.min(maxMillis, base << (attemptsMade - 1));
    double random = settings.jitter().getAsDouble();
    if (!rateLimited) {
      long backoff = (long) (random * (Math.max(0, ceiling) + 1));
      return Duration.ofMillis(retryAfter == null ? backoff : Math.max(backoff, retryAfter.toMillis()));
    }
    long pause = retryAfter == null ? 0 : retryAfter.toMillis();
    return Duration.ofMillis(Math.min(maxMillis, pause + (long) (random * (Math.max(0, ceiling) + 1))));
  }

  private void sleep(long nanos, CallContext call) {
    try {
      timing.sleep(nanos, call);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException cancelled = new CancellationException("interrupted while waiting; nothing more is sent");
      cancelled.initCause(e);
      throw cancelled;
    }
    failIfCancelled(call);
  }

  private void failIfCancelled(CallContext call) {
    CallContext.Reason reason = call.reason();
    if (reason == CallContext.Reason.CLIENT_CLOSED || (reason == null && closed)) {
      throw closedException();
    }
    if (reason == CallContext.Reason.CANCELLED) {
      throw new CancellationException("the call was cancelled");
    }
  }

  /** The statuses every policy retries, as RetryPolicy documents: 408, 429, 500, 502, 503, 504. */
  private static boolean isRetried(int status) {
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /** The exception of a call on a closed client, or of a call cut by close(). */
  public static IllegalStateException closedException() {
    return new IllegalStateException("client is closed");
  }

  private MarketingEventsException connectionFailure(
      IOException e, long deadline, Duration callTimeout, int attempt, long attemptNanos) {
    if (e instanceof SocketTimeoutException) {
      return Errors.get().timeout("timed out waiting for HubSpot (connect or read timeout): " + e.getMessage(), e);
    }
    if (e instanceof InterruptedIOException) {
      if (timing.nanoTime() - deadline >= 0) {
        return Errors.get().timeout(deadlineMessage(callTimeout, attempt), e);
      }
      return Errors.get().timeout("attempt " + attempt + " took longer than its attemptTimeout of "
          + Duration.ofNanos(attemptNanos).toMillis() + " ms", e);
    }
    return Errors.get().connection("connection to HubSpot failed: " + e, e);
  }

  private static String deadlineMessage(Duration callTimeout, int attempt) {
    return "the call's deadline (callTimeout " + callTimeout.toMillis() + " ms) ran out during attempt " + attempt;
  }

  private String currentToken() {
    String token;
    try {
      token = settings.tokens().accessToken();
    } catch (RuntimeException e) {
      throw Errors.get().accessToken(
          "the access token provider failed with " + e.getClass().getName() + "; nothing was sent", e);
    }
    if (token == null || token.isBlank()) {
      throw Errors.get().accessToken("the access token provider returned no token; nothing was sent", null);
    }
    String stripped = token.strip();
    if (!isHeaderSafe(stripped)) {
      throw Errors.get().accessToken(
          "the access token provider returned a token with characters a header cannot carry; nothing was sent",
          null);
    }
    return stripped;
  }

  /**
   * @param token a token
   * @return whether it is visible ASCII only: anything else would fail in OkHttp, or split the
   *     header. Never echoed.
   */
  public static boolean isHeaderSafe(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private void attemptEnded(Operation<?> operation, int attempt, int status, long sentAt) {
    Duration took = Duration.ofNanos(timing.nanoTime() - sentAt);
    notify(() -> settings.listener().attemptEnded(operation.name(), operation.apiVersion(), attempt, status, took));
  }

  /** A listener never fails a call. */
  private static void notify(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "a ClientListener threw; ignored", e);
    }
  }

  /** @return connections open in the pool, idle or in use */
  public int openConnections() {
    return transport.connectionCount();
  }

  /** @return idle connections in the pool */
  public int idleConnections() {
    return transport.idleConnectionCount();
  }

  /**
   * Stops new calls, cuts the running ones (they fail with the closed-client exception, never as a
   * retried connection failure), releases the connections and closes the limiter. Idempotent.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    for (CallContext call : running) {
      call.cancel(CallContext.Reason.CLIENT_CLOSED);
    }
    transport.close();
    try {
      limiter.close();
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "the rate limiter failed to close; ignored", e);
    }
  }

}
