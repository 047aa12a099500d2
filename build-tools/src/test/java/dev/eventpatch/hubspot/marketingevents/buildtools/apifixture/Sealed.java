package dev.eventpatch.hubspot.marketingevents.buildtools.apifixture;

/** A final class: its protected members are out of reach, and its bridge method is synthetic. */
public final class Sealed implements Comparable<Sealed> {

    public volatile long version;

    private Sealed() {
    }

    protected void unreachable() {
    }

    @Override
    public int compareTo(Sealed other) {
        return 0;
    }

    /** Protected in a final class: out of reach. */
    protected static class Unreachable {
        public void hook() {
        }
    }
}
