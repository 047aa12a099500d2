package dev.eventpatch.hubspot.marketingevents.benchmarks;

import java.io.Writer;
import okio.Buffer;

/**
 * UTF-8 into an okio buffer (pooled segments), as the extensions client writes its JSON: the
 * floor's own copy of a few lines, so that the benchmarks need nothing from the client's
 * internal package. Gson's writer hands it whole runs of a string, never half a surrogate pair.
 */
final class OkioUtf8Writer extends Writer {
  private final Buffer sink;

  OkioUtf8Writer(Buffer sink) {
    this.sink = sink;
  }

  @Override
  public void write(int c) {
    sink.writeUtf8CodePoint(c);
  }

  @Override
  public void write(String text, int offset, int length) {
    sink.writeUtf8(text, offset, offset + length);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    sink.writeUtf8(new String(chars, offset, length));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
