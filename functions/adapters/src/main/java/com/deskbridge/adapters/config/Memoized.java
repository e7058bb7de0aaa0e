package com.deskbridge.adapters.config;

import java.util.function.Supplier;

/** A value built once per container, on first use (clients a function needs only for some requests). */
public final class Memoized {

    private Memoized() {
    }

    public static <T> Supplier<T> of(Supplier<T> build) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = build.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
