/**
 * The drift watch: compares the project's spec with HubSpot's published OpenAPI description of
 * the update operation and classifies each difference for this client. Run as
 * {@code java -jar build-tools/target/spec-drift.jar}; see docs/spec-drift.md.
 */
package dev.eventpatch.hubspot.marketingevents.buildtools.drift;
