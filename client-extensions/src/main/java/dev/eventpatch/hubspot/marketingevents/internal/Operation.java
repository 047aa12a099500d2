package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.generated.api.MarketingEventsApi;
import okhttp3.Request;

/**
 * What one operation contributes to the pipeline: its request, built with the generated Retrofit
 * interface, and how a 2xx answer becomes its result. Everything else (credentials, permits,
 * sending, classifying, retrying) is the pipeline's.
 *
 * @param <T> the result
 */
public interface Operation<T> {
  /** @return the operation's name, for logs and listeners, such as {@code update} */
  String name();

  /** @return the API version of its path, for logs and listeners */
  String apiVersion();

  /**
   * @param api the generated interface
   * @return the request, without credentials; built once per call and sent by every attempt
   */
  Request request(MarketingEventsApi api);

  /**
   * @param answer a 2xx answer
   * @param attempts the attempts made, this one included
   * @return the result
   * @throws dev.eventpatch.hubspot.marketingevents.exception.DecodingException if the answer is
   *     not what the operation expects
   */
  T decode(Exchange answer, int attempts);
}
