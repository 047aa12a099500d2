package dev.eventpatch.hubspot.marketingevents.internal;

/**
 * Checks, once, that the OkHttp on the class path is the major version the client is built
 * against. OkHttp 4 ({@code com.squareup.okhttp3:okhttp}) and OkHttp 5 ({@code okhttp-jvm}) have
 * different Maven coordinates but the same package, so a build that brings both puts both jars
 * on the class path, and whichever comes first supplies {@code okhttp3.*}. With OkHttp 4 first
 * the client would fail later, on some call, with a {@code NoSuchMethodError}; this makes it fail
 * at {@code build()} with a message that says what to change.
 */
public final class OkHttpVersion {
  /** The major version the client is compiled and tested against. */
  static final int REQUIRED_MAJOR = 5;

  private static final String PROBLEM = problem(runtimeVersion());

  private OkHttpVersion() {}

  /**
   * @throws IllegalStateException if the OkHttp that loaded is not OkHttp 5
   */
  public static void check() {
    if (PROBLEM != null) {
      throw new IllegalStateException(PROBLEM);
    }
  }

  /**
   * @param version the version OkHttp reports, or null if it reports none
   * @return what is wrong with it, or null if it is a version the client works with
   */
  static String problem(String version) {
    if (version != null && majorOf(version) >= REQUIRED_MAJOR) {
      return null;
    }
    return "this client needs OkHttp " + REQUIRED_MAJOR + " (com.squareup.okhttp3:okhttp-jvm " + REQUIRED_MAJOR
        + ".x), but OkHttp " + (version == null ? "of an unknown version" : version) + " was loaded. "
        + "OkHttp 4 (com.squareup.okhttp3:okhttp 4.x) has other Maven coordinates, so both jars can "
        + "end up on the class path: remove OkHttp 4 from the build, or let the code that uses it "
        + "run on OkHttp 5 (which keeps OkHttp 4's API)";
  }

  /**
   * Read reflectively on purpose: {@code okhttp3.OkHttp.VERSION} is a compile-time constant, so
   * reading it directly would give the version the client was compiled against, not the one
   * that loaded.
   */
  private static String runtimeVersion() {
    try {
      Object version = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
      return version instanceof String ? (String) version : null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static int majorOf(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    try {
      return end == 0 ? -1 : Integer.parseInt(version.substring(0, end));
    } catch (NumberFormatException tooLong) {
      return -1;
    }
  }
}
