package dev.eventpatch.hubspot.marketingevents.buildtools.apifixture;

/** An enum. */
public enum Color {
    RED, GREEN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
