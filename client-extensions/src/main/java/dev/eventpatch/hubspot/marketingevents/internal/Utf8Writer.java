package dev.eventpatch.hubspot.marketingevents.internal;

import java.io.Writer;
import okio.Buffer;

/**
 * A writer that encodes UTF-8 into an okio buffer, whose segments are pooled. Gson's writer
 * hands it whole runs of a string, never half of a surrogate pair.
 */
public final class Utf8Writer extends Writer {
  private final Buffer sink;

  /** @param sink where the UTF-8 bytes go */
  public Utf8Writer(Buffer sink) {
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

