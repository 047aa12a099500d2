package dev.eventpatch.hubspot.marketingevents.contract.support;

import dev.eventpatch.hubspot.marketingevents.generated.api.MarketingEventsApi;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventPublicDefaultResponse;
import dev.eventpatch.hubspot.marketingevents.generated.model.MarketingEventUpdateRequestParams;
import retrofit2.Call;

/**
 * The API versions at which the spec describes the update: the path of each, its method on the
 * generated interface, and whether its property values know {@code maskedSubstrings}. Every
 * method has the same Java signature, which this enum relies on; adding a version to the spec
 * means adding a constant here, and every suite that iterates over the versions covers it.
 */
public enum SpecVersion {
  V3("v3", "marketing/v3/marketing-events/events/", true) {
    @Override
    public Call<MarketingEventPublicDefaultResponse> update(
        MarketingEventsApi api, String eventId, String accountId,
        MarketingEventUpdateRequestParams body) {
      return api.updateEventByExternalIds(eventId, accountId, body);
    }
  },
  V2026_03("2026-03", "marketing/marketing-events/2026-03/events/", true) {
    @Override
    public Call<MarketingEventPublicDefaultResponse> update(
        MarketingEventsApi api, String eventId, String accountId,
        MarketingEventUpdateRequestParams body) {
      return api.updateEventByExternalIds202603(eventId, accountId, body);
    }
  },
  V2026_09("2026-09", "marketing/marketing-events/2026-09/events/", false) {
    @Override
    public Call<MarketingEventPublicDefaultResponse> update(
        MarketingEventsApi api, String eventId, String accountId,
        MarketingEventUpdateRequestParams body) {
      return api.updateEventByExternalIds202609(eventId, accountId, body);
    }
  };

  private final String label;
  private final String pathPrefix;
  private final boolean masks;

  SpecVersion(String label, String pathPrefix, boolean masks) {
    this.label = label;
    this.pathPrefix = pathPrefix;
    this.masks = masks;
  }

  /** The update of this version, through the generated client. */
  public abstract Call<MarketingEventPublicDefaultResponse> update(
      MarketingEventsApi api, String eventId, String accountId,
      MarketingEventUpdateRequestParams body);

  /** The path of the update for this event, relative to the base URL. */
  public String path(String externalEventId) {
    return pathPrefix + externalEventId;
  }

  /** Whether property values carry {@code maskedSubstrings} at this version. */
  public boolean masksPropertyValues() {
    return masks;
  }

  @Override
  public String toString() {
    return label;
  }
}
