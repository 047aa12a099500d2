package dev.eventpatch.hubspot.marketingevents.buildtools.apifixture.internal;

/** Public, but in a package the dump can be told to leave out. */
public final class Helper {
    public static void help() {
    }
}
