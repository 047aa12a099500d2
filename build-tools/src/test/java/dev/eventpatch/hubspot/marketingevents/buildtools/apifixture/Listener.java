package dev.eventpatch.hubspot.marketingevents.buildtools.apifixture;

/** An interface with abstract, default and static methods. */
public interface Listener extends java.util.EventListener {

    void on(String event) throws Exception;

    default void off() {
    }

    static Listener noop() {
        return event -> { };
    }
}
