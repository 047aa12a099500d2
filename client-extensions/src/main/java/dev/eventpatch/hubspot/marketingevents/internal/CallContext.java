package dev.eventpatch.hubspot.marketingevents.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * One call's cancellation state, shared by the thread running it and whoever cancels it (a
 * future's {@code cancel}, or the client's {@code close}). Cancelling aborts the HTTP exchange in
 * flight and wakes a wait for a permit or a backoff.
 */
public final class CallContext {
  /** Why a call was cancelled. */
  public enum Reason {
    /** The caller cancelled it. */
    CANCELLED,
    /** The client was closed. */
    CLIENT_CLOSED
  }

  private volatile Reason cancelled;
  private volatile Thread runner;
  private volatile okhttp3.Call inFlight;

  /** @return whether the call was cancelled */
  public boolean isCancelled() {
    return cancelled != null;
  }

  /** @return why it was cancelled, or null */
  public Reason reason() {
    return cancelled;
  }

  /**
   * Cancels the call: the exchange in flight is aborted and a wait ends. The first reason wins.
   *
   * @param reason why
   */
  public void cancel(Reason reason) {
    synchronized (this) {
      if (cancelled == null) {
        cancelled = reason;
      }
    }
    okhttp3.Call call = inFlight;
    if (call != null) {
      call.cancel();
    }
    Thread thread = runner;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  void runOn(Thread thread) {
    runner = thread;
  }

  void sending(okhttp3.Call call) {
    inFlight = call;
    if (isCancelled()) {
      call.cancel(); // cancelled between the check and the send
    }
  }

  void sent() {
    inFlight = null;
  }
}
