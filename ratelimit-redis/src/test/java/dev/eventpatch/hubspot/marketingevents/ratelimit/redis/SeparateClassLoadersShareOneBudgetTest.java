package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;

import static dev.eventpatch.hubspot.marketingevents.ratelimit.redis.Limiters.freshKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three clients, each in a class loader of its own (its own static state, connection pools and
 * Redis connection, as in three processes), configured with one app key: the server, which
 * enforces a strict rolling window, never sees more than the limit in any window.
 */
@ExtendWith(RedisExtension.class)
@Timeout(180)
class SeparateClassLoadersShareOneBudgetTest {

  @Test
  void threeClientsInSeparateClassLoadersStayWithinEveryRollingWindow(RedisServer redis) throws Exception {
    String key = freshKey("isolated");
    URL[] classPath = testClassPath();
    int processes = 3;
    AtomicReferenceArray<int[]> results = new AtomicReferenceArray<>(processes);
    AtomicReferenceArray<Throwable> errors = new AtomicReferenceArray<>(processes);
    List<URLClassLoader> loaders = new ArrayList<>();
    try (StrictWindowServer server = new StrictWindowServer(20, java.time.Duration.ofSeconds(1))) {
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < processes; p++) {
        // The platform loader as parent: nothing of the project or its libraries is shared.
        URLClassLoader loader = new URLClassLoader("process-" + p, classPath, ClassLoader.getPlatformClassLoader());
        loaders.add(loader);
        Class<?> client = loader.loadClass(MarketingEventsClient.class.getName());
        assertThat(client).as("the client class of loader %d", p).isNotSameAs(MarketingEventsClient.class);
        Method run = loader.loadClass(IsolatedClientWorker.class.getName())
            .getMethod("run", String.class, String.class, String.class, String.class, int.class, int.class);
        int index = p;
        Thread thread = new Thread(() -> {
          Thread.currentThread().setContextClassLoader(loader);
          try {
            results.set(index, (int[]) run.invoke(null, redis.uri(), key, server.baseUrl(), "p" + index, 2, 8));
          } catch (Throwable e) {
            errors.set(index, e);
          }
        }, "process-" + p);
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      for (int p = 0; p < processes; p++) {
        assertThat(errors.get(p)).as("process %d", p).isNull();
        assertThat(results.get(p)).as("process %d: succeeded, failed", p).containsExactly(16, 0);
      }
      System.out.printf("separate class loaders: %d requests, busiest rolling second %d, 429s %d%n",
          server.requests(), server.busiestWindow(), server.rateLimited());
      assertThat(server.busiestWindow()).as("requests in the busiest rolling second").isLessThanOrEqualTo(20);
      assertThat(server.rateLimited()).as("429s").isZero();
      assertThat(server.succeeded()).isEqualTo(48);
    } finally {
      for (URLClassLoader loader : loaders) {
        loader.close();
      }
    }
  }

  /** The test's class path as Surefire built it (its booter jar only names it in a manifest). */
  private static URL[] testClassPath() throws MalformedURLException {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    return urls.toArray(new URL[0]);
  }
}
