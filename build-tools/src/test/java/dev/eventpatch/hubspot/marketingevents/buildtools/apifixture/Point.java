package dev.eventpatch.hubspot.marketingevents.buildtools.apifixture;

/**
 * A record.
 *
 * @param x across
 * @param y down
 */
public record Point(int x, int y) {
}
