package dev.eventpatch.hubspot.marketingevents.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the client's own threads, so that they can be told apart and counted. */
public final class Threads {
  /** Prefix of every thread this library starts. */
  public static final String PREFIX = "marketing-events-";

  private Threads() {}

  /**
   * @param name the pool's name, starting with {@link #PREFIX}
   * @return a factory of daemon threads named {@code name-N}
   */
  public static ThreadFactory daemonFactory(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
