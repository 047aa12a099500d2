/**
 * Starts and stops a Prism mock server of the OpenAPI spec, for the contract tests and for any
 * tool that wants to run against the mock.
 *
 * <p>{@link dev.eventpatch.hubspot.marketingevents.contract.prism.PrismMock} is the entry point.
 * It needs only the JDK, Node.js on the PATH and a Prism installed by {@code npm ci}; it has no
 * test-framework dependency on purpose.
 */
package dev.eventpatch.hubspot.marketingevents.contract.prism;
