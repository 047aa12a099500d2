/**
 * A client for HubSpot's "update a marketing event by external ids" endpoint. Start at {@link
 * dev.eventpatch.hubspot.marketingevents.MarketingEventsClient}; describe the change with {@link
 * dev.eventpatch.hubspot.marketingevents.MarketingEventUpdate} and {@link
 * dev.eventpatch.hubspot.marketingevents.CustomProperty}.
 */
package dev.eventpatch.hubspot.marketingevents;
