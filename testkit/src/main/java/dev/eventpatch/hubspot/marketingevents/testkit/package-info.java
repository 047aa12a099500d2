/**
 * A fake HubSpot for consumers' tests: {@link dev.eventpatch.hubspot.marketingevents.testkit.HubSpotFake}
 * serves the marketing-event update endpoint on loopback, checks every request against the spec
 * this kit's version pins, keeps events and custom properties, enforces a rolling rate limit
 * ({@link dev.eventpatch.hubspot.marketingevents.testkit.RollingWindow}, usable on its own) and
 * plays scripted {@link dev.eventpatch.hubspot.marketingevents.testkit.Fault}s; {@link
 * dev.eventpatch.hubspot.marketingevents.testkit.HubSpotFakeExtension} gives JUnit 5 tests one
 * fake per class.
 */
package dev.eventpatch.hubspot.marketingevents.testkit;
