package dev.eventpatch.hubspot.marketingevents.benchmarks;

import java.io.Writer;
import okio.Buffer;

/**
 * Contender A's sink: UTF-8 straight into an okio buffer (pooled segments), the way a careful
 * OkHttp user writes JSON; the extensions client writes its bodies the same way since its
 * serialization fix, so that the comparison is about everything else.
 */
final class Utf8Writer extends Writer {
  private final Buffer sink;

  Utf8Writer(Buffer sink) {
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
