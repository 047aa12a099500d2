package dev.eventpatch.hubspot.marketingevents.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.MediaType;

/**
 * Reads a fuzzer's bytes as an HTTP answer, in a form that seed files can be written in by hand:
 *
 * <pre>
 * 429
 * Retry-After: 10
 * Content-Type: application/json
 *
 * {"status":"error", ...}
 * </pre>
 *
 * <p>The first line is the status, header lines follow up to the first empty line, and every
 * byte after it is the body, as is. Whatever the bytes, the result is an answer: a status that
 * is not a number becomes {@code defaultStatus}, a line without a colon is no header. Headers go
 * into a case-insensitive map and the content type is read with OkHttp, as the transport does.
 */
public final class FuzzAnswer {
  private FuzzAnswer() {}

  /**
   * @param input the fuzzer's bytes
   * @param validStatus whether a status fits the target (2xx, or an error status)
   * @param defaultStatus the status when the first line gives none that fits
   * @return the answer as the transport would have handed it on
   */
  public static Exchange parse(byte[] input, java.util.function.IntPredicate validStatus, int defaultStatus) {
    int split = -1;
    int bodyStart = input.length;
    for (int i = 0; i + 1 < input.length; i++) {
      if (input[i] == '\n' && input[i + 1] == '\n') {
        split = i;
        bodyStart = i + 2;
        break;
      }
      if (input[i] == '\n' && input[i + 1] == '\r' && i + 2 < input.length && input[i + 2] == '\n') {
        split = i;
        bodyStart = i + 3;
        break;
      }
    }
    String head = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.ISO_8859_1);
    byte[] body = new byte[input.length - bodyStart];
    System.arraycopy(input, bodyStart, body, 0, body.length);
    String[] lines = head.split("\r?\n", -1);
    int status = defaultStatus;
    try {
      int read = Integer.parseInt(lines[0].trim());
      status = validStatus.test(read) ? read : defaultStatus;
    } catch (NumberFormatException notAStatus) {
      // stays the default
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    headers.replaceAll((name, values) -> Collections.unmodifiableList(values));
    List<String> typeHeader = headers.get("Content-Type");
    MediaType type = typeHeader == null ? null : MediaType.parse(typeHeader.get(0));
    return new Exchange(status, Collections.unmodifiableMap(headers),
        type == null ? null : type.type() + "/" + type.subtype(), body);
  }
}
