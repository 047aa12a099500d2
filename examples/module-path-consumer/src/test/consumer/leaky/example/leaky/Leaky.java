package example.leaky;

import okhttp3.OkHttpClient;

/** Counts on the client to hand it OkHttp; the client requires OkHttp, but not transitively. */
public final class Leaky {
  private Leaky() {}

  public static Object http() {
    return new OkHttpClient();
  }
}
