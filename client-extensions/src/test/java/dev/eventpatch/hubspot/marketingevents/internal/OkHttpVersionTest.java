package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class OkHttpVersionTest {
  @Test
  void acceptsOkHttp5AndLater() {
    assertThat(OkHttpVersion.problem("5.0.0")).isNull();
    assertThat(OkHttpVersion.problem("5.5.1")).isNull();
    assertThat(OkHttpVersion.problem("6.0.0-alpha.1")).isNull();
  }

  @Test
  void rejectsOkHttp4NamingTheVersionFoundAndTheOneNeeded() {
    assertThat(OkHttpVersion.problem("4.12.0"))
        .contains("needs OkHttp 5")
        .contains("okhttp-jvm 5.x")
        .contains("OkHttp 4.12.0 was loaded");
  }

  @Test
  void rejectsAnOkHttpThatReportsNoVersion() {
    assertThat(OkHttpVersion.problem(null)).contains("OkHttp of an unknown version was loaded");
    assertThat(OkHttpVersion.problem("unknown")).contains("OkHttp unknown was loaded");
  }

  @Test
  void theBuildsOwnOkHttpPasses() {
    assertThatCode(OkHttpVersion::check).doesNotThrowAnyException();
  }
}
