/**
 * The exceptions the client throws. All are unchecked and extend {@link
 * dev.eventpatch.hubspot.marketingevents.exception.MarketingEventsException}; those caused by an
 * answer of HubSpot extend {@link dev.eventpatch.hubspot.marketingevents.exception.HubSpotApiException}
 * and carry the status and HubSpot's error fields, with a subclass for each kind of error a
 * caller handles differently. No message ever contains the access token or a header value.
 */
package dev.eventpatch.hubspot.marketingevents.exception;
