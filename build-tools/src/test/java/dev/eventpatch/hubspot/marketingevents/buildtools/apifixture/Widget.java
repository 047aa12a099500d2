package dev.eventpatch.hubspot.marketingevents.buildtools.apifixture;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A generic, subclassable class with members of every visibility. */
public class Widget<T extends Comparable<T>> implements Iterable<T> {

    public static final String NAME = "widget";

    protected int count;

    int packageField;

    @SuppressWarnings("unused")
    private String secret;

    public Widget() {
    }

    protected Widget(int count) {
        this.count = count;
    }

    Widget(String hidden) {
    }

    public List<T> items(Map<String, ? super T> filter) throws IOException {
        return List.of();
    }

    @SafeVarargs
    public static <E> Widget<?> of(E... values) {
        return new Widget<>();
    }

    protected void onChange() {
    }

    void packageMethod() {
    }

    @SuppressWarnings("unused")
    private void privateMethod() {
    }

    public Runnable task() {
        return new Runnable() {
            @Override
            public void run() {
            }
        };
    }

    @Override
    public Iterator<T> iterator() {
        return List.<T>of().iterator();
    }

    /** A public nested builder: part of the API. */
    public static final class Builder {
        public Builder size(int size) {
            return this;
        }
    }

    /** Package-private: its public method is not part of the API. */
    static class Hidden {
        public void notApi() {
        }
    }

    /** Protected in a class that can be subclassed: part of the API. */
    protected static class Extension {
        public void hook() {
        }
    }
}
