/**
 * The HubSpot marketing events client. Only the API packages are exported: the client, its
 * exceptions and the SPI for rate limiters and listeners. {@code internal} (the pipeline, the
 * transport, the in-process limiter) is neither exported nor opened, so code on the module path
 * cannot compile against it or reflect into it.
 *
 * <p>Every {@code requires} is plain, not {@code transitive}: no public signature names a type
 * of OkHttp, Retrofit, Gson or the generated module (the public API snapshot checks that), so a
 * consumer reads none of them and cannot come to depend on them by accident.
 */
module dev.eventpatch.hubspot.marketingevents {
  exports dev.eventpatch.hubspot.marketingevents;
  exports dev.eventpatch.hubspot.marketingevents.exception;
  exports dev.eventpatch.hubspot.marketingevents.spi;

  // The generated Retrofit interface and Gson models: an automatic module (its jar's
  // Automatic-Module-Name), so all of its packages are open to Gson's reflection already.
  requires dev.eventpatch.hubspot.marketingevents.generated;
  requires retrofit2;
  requires retrofit2.converter.gson;
  requires okhttp3;
  requires okio;
  requires com.google.gson;
}
