package dev.eventpatch.hubspot.marketingevents.internal;

import dev.eventpatch.hubspot.marketingevents.generated.api.MarketingEventsApi;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import retrofit2.Call;

/** The generated Retrofit method that sends an update at one API version's path. */
@FunctionalInterface
public interface UpdateRoute {
  /**
   * @param api the generated interface
   * @param externalEventId the event's id in the external application
   * @param externalAccountId the account's id in the external application
   * @param body the request body
   * @return the call, whose request the pipeline sends
   */
  Call<MarketingEventPublicDefaultResponse> call(
      MarketingEventsApi api, String externalEventId, String externalAccountId, MarketingEventUpdateRequestParams body);
}
