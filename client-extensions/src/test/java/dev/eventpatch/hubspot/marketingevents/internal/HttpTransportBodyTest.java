package dev.eventpatch.hubspot.marketingevents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.eventpatch.hubspot.marketingevents.generated.invoker.JSON;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import dev.eventpatch.hubspot.marketingevents.generated.model.PropertyValue;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The transport writes request bodies with its own converter and its own writer of the generated
 * models (for allocation's and time's sake): it must put on the wire exactly the bytes Retrofit's
 * stock Gson converter and Gson's reflective adapter would, whatever the text and whichever
 * fields are set.
 */
class HttpTransportBodyTest {
  /** The client's Gson set-up as Gson alone would write it: no adapter of the client's own. */
  private static final Gson STOCK =
      new GsonBuilder()
          .disableHtmlEscaping()
          .registerTypeAdapter(OffsetDateTime.class, new JSON.OffsetDateTimeTypeAdapter())
          .create();

  @StartStop private final MockWebServer server = new MockWebServer();

  @ParameterizedTest(name = "{0} custom properties")
  @ValueSource(ints = {0, 3, 200})
  void sendsTheBytesOfRetrofitsGsonConverter(int properties) throws Exception {
    MarketingEventUpdateRequestParams params = new MarketingEventUpdateRequestParams();
    params.setEventName("Caf\u00e9 \u6771\u4eac \uD83C\uDF89 \u2028 \u2029 <b>&'=\" \\ \t\u0001");
    params.setEventDescription("unpaired \uD83D high and \uDE00 low surrogates");
    params.setStartDateTime(OffsetDateTime.parse("2026-12-01T16:00:00Z"));
    params.setEventCancelled(false);
    List<PropertyValue> values = new ArrayList<>();
    for (int i = 0; i < properties; i++) {
      PropertyValue value = new PropertyValue().name("p_" + i).value("v\u00e9\uD83C\uDF89 " + i).timestamp(1795948917903L + i);
      if (i % 2 == 1) {
        value.sourceId("sync").source("INTEGRATION").selectedByUser(false).sourceVid(List.of(1L, 2L))
            .updatedByUserId(7).isEncrypted(false).dataSensitivity(PropertyValue.DataSensitivityEnum.HIGH).unit("");
      }
      values.add(value);
    }
    params.setCustomProperties(values);

    server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    try (HttpTransport transport =
        TestTransports.transport(server.url("/").toString())) {
      TestTransports.send(transport, "webinar-1", "acct-1", params);
    }
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);

    Buffer stock = new Buffer();
    new Retrofit.Builder()
        .baseUrl(server.url("/"))
        .addConverterFactory(GsonConverterFactory.create(STOCK))
        .build()
        .<MarketingEventUpdateRequestParams>requestBodyConverter(
            MarketingEventUpdateRequestParams.class, new Annotation[0], new Annotation[0])
        .convert(params)
        .writeTo(stock);
    assertThat(request.getBody()).isEqualTo(stock.readByteString());
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
  }
}
