package dev.eventpatch.hubspot.marketingevents.examples.okhttp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventpatch.hubspot.marketingevents.MarketingEventsClient;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What happens to a build that declares OkHttp 4 next to the client: Maven keeps both artifacts
 * (okhttp 4.12.0 and okhttp-jvm 5), the first on the class path supplies package okhttp3, and
 * the client refuses to build on OkHttp 4 with a message that names the version it needs.
 */
class OkHttp4NextToTheClientTest {
  @Test
  void mavenPutsBothOkHttpJarsOnTheClassPathAndOkHttp4Wins() throws Exception {
    List<String> jars =
        Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class")).stream()
            .map(URL::toString)
            .map(url -> url.substring(0, url.indexOf("!/")))
            .map(jar -> jar.substring(jar.lastIndexOf('/') + 1))
            .collect(Collectors.toList());

    assertThat(jars).containsExactly("okhttp-4.12.0.jar", "okhttp-jvm-5.5.1.jar");
    // Read reflectively: the field is a compile-time constant.
    assertThat(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null)).isEqualTo("4.12.0");
  }

  @Test
  void buildFailsFastNamingTheOkHttpTheClientNeeds() {
    assertThatThrownBy(
            () -> MarketingEventsClient.builder().accessToken("token").baseUrl("http://127.0.0.1:1/").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs OkHttp 5 (com.squareup.okhttp3:okhttp-jvm 5.x)")
        .hasMessageContaining("OkHttp 4.12.0 was loaded")
        .hasMessageNotContaining("token");
  }
}
