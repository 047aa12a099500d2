package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds transports and sends through them as the pipeline does, for the transport's own tests. */
final class TestTransports {
  private TestTransports() {}

  static HttpTransport transport(String baseUrl) {
    return new HttpTransport(
        baseUrl,
        new HttpTransport.Network(Duration.ofSeconds(5), Duration.ofSeconds(5), null, null, null, null, null, null, 1,
            Duration.ofMinutes(5), 4L * 1024 * 1024));
  }

  static Exchange send(HttpTransport transport, String eventId, String accountId, MarketingEventUpdateRequestParams body)
      throws IOException {
    return transport.execute(
        transport.api().updateEventByExternalIds(eventId, accountId, body).request(), TimeUnit.SECONDS.toNanos(5),
        new CallContext());
  }
}
