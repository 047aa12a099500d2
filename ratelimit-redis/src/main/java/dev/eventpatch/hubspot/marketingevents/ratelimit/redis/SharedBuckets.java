package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The two Bucket4j buckets in Redis that every process with one key shares: the request bucket
 * and the daily gate. Bucket4j's compare-and-swap over Lettuce is the only protocol; this class
 * adds a connection that is made lazily and remade after a failure, and a deadline on every call.
 *
 * <p>Lettuce's own reconnection is off and commands are rejected while disconnected, so that a
 * call during an outage fails at once instead of queueing, and nothing queued replays later.
 */
final class SharedBuckets implements AutoCloseable {

  /** What every key in Redis starts with, so that an operator can tell them apart. */
  static final String KEY_PREFIX = "hubspot-marketing-events:rate-limit:";

  /** How long a connection attempt may take at most, whatever the call's deadline. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Buckets of one live connection. */
  record Buckets(StatefulRedisConnection<String, byte[]> connection, AsyncBucketProxy requests, AsyncBucketProxy daily) {}

  private final RedisClient client;
  private final RedisURI uri;
  private final String requestsKey;
  private final String dailyKey;
  private final Supplier<BucketConfiguration> requestsConfiguration;
  private final BucketConfiguration dailyConfiguration;
  private final Duration keepAfterRefill;
  private final Object lock = new Object();

  /** The connection being made or in use; replaced after a failure. Guarded by {@link #lock}. */
  private CompletableFuture<Buckets> current;

  private boolean closed;

  SharedBuckets(
      RedisURI uri,
      String key,
      Supplier<BucketConfiguration> requestsConfiguration,
      BucketConfiguration dailyConfiguration,
      Duration commandTimeout,
      Duration keepAfterRefill) {
    this.uri = uri;
    this.requestsKey = KEY_PREFIX + key;
    this.dailyKey = KEY_PREFIX + key + ":daily";
    this.requestsConfiguration = requestsConfiguration;
    this.dailyConfiguration = dailyConfiguration;
    this.keepAfterRefill = keepAfterRefill;
    this.client = RedisClient.create();
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .build());
  }

  /** @return the key of the request bucket in Redis */
  String requestsKey() {
    return requestsKey;
  }

  /** @return the key of the daily gate in Redis */
  String dailyKey() {
    return dailyKey;
  }

  /**
   * Runs one operation on the shared buckets within {@code timeout}, connecting first if needed.
   *
   * @throws Unavailable if Redis did not answer in time, refused, or the connection failed
   */
  <T> T call(Function<Buckets, CompletableFuture<T>> operation, Duration timeout) throws Unavailable {
    long deadline = System.nanoTime() + timeout.toNanos();
    CompletableFuture<Buckets> connection = connection();
    CompletableFuture<T> result = null;
    try {
      Buckets buckets = connection.get(left(deadline), TimeUnit.NANOSECONDS);
      result = operation.apply(buckets);
      return result.get(left(deadline), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (result != null) {
        result.cancel(true);
      }
      throw new Unavailable("no answer within " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      if (connection.isCompletedExceptionally() || !isOpen(connection)) {
        discard(connection);
      }
      throw new Unavailable(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted", e);
    } catch (RuntimeException e) {
      // Lettuce and Bucket4j may throw instead of failing the future (a rejected command).
      discard(connection);
      throw new Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static boolean isOpen(CompletableFuture<Buckets> connection) {
    return connection.isDone()
        && !connection.isCompletedExceptionally()
        && connection.join().connection().isOpen();
  }

  /**
   * Starts connecting and touches the request bucket in the background, so that the first
   * request does not pay for the connection and for loading Lettuce and Bucket4j within its
   * short Redis timeout. A failure here only means the first call connects again.
   */
  CompletableFuture<?> warmUp() {
    return connection().thenCompose(buckets -> buckets.requests().getAvailableTokens());
  }

  /** @return how long a connection attempt may take at most */
  static Duration connectTimeout() {
    return CONNECT_TIMEOUT;
  }

  /** The current connection, or a new attempt when there is none or it failed or closed. */
  private CompletableFuture<Buckets> connection() {
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("closed"));
      }
      if (current == null
          || current.isCompletedExceptionally()
          || (current.isDone() && !current.join().connection().isOpen())) {
        if (current != null) {
          close(current);
        }
        current = connect();
      }
      return current;
    }
  }

  private CompletableFuture<Buckets> connect() {
    RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    return client
        .connectAsync(codec, uri)
        .toCompletableFuture()
        .thenApply(
            connection -> {
              AsyncProxyManager<String> proxies =
                  Bucket4jLettuce.casBasedBuilder(connection)
                      .expirationAfterWrite(
                          ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                              keepAfterRefill))
                      .build()
                      .asAsync();
              AsyncBucketProxy requests =
                  proxies
                      .builder()
                      .build(
                          requestsKey,
                          () -> CompletableFuture.completedFuture(requestsConfiguration.get()));
              AsyncBucketProxy daily = proxies.builder().build(dailyKey, dailyConfiguration);
              return new Buckets(connection, requests, daily);
            });
  }

  private void discard(CompletableFuture<Buckets> connection) {
    synchronized (lock) {
      if (current == connection) {
        current = null;
      }
    }
    close(connection);
  }

  private static void close(CompletableFuture<Buckets> connection) {
    // Closing a connection that already closed makes Lettuce log a warning on every outage.
    connection.thenAccept(
        buckets -> {
          if (buckets.connection().isOpen()) {
            buckets.connection().closeAsync();
          }
        });
  }

  @Override
  public void close() {
    CompletableFuture<Buckets> last;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      last = current;
      current = null;
    }
    if (last != null) {
      last.cancel(true);
      close(last);
    }
    client.shutdown(Duration.ZERO, CONNECT_TIMEOUT);
  }

  /** Redis did not serve a call: down, restarting, refusing, or too slow. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
