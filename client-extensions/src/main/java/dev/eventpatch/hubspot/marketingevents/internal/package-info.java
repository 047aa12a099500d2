/**
 * Implementation of the client: transport, error decoding, rate limiting. Not part of the
 * public API; anything here may change in any release.
 */
package dev.eventpatch.hubspot.marketingevents.internal;
