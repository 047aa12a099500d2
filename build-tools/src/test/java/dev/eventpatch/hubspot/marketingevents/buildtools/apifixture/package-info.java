/**
 * Classes whose only purpose is to be listed by {@code PublicApiDump} in its tests: one of each
 * kind of type and member, visible or not.
 */
package dev.eventpatch.hubspot.marketingevents.buildtools.apifixture;
