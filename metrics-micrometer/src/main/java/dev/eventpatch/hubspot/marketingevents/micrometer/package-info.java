/**
 * Micrometer metrics for the client: {@link
 * dev.eventpatch.hubspot.marketingevents.micrometer.MicrometerListener} records requests,
 * retries, 429s, permit waits, the limit in force and limiter fallbacks. An optional module, so
 * that Micrometer is never forced on the client's users.
 */
package dev.eventpatch.hubspot.marketingevents.micrometer;
