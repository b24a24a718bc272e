package org.phasor.optics.propagation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small bounded least-recently-used cache of transfer functions, owned by whoever builds propagators (one
 * {@link Propagator} owns one). A network whose layers share one spacing computes its transfer function once.
 * Thread-safe.
 */
public final class TransferFunctionCache {
    private final int capacity;
    private final LinkedHashMap<TransferKey, TransferFunction> map;

    public TransferFunctionCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TransferKey, TransferFunction> eldest) {
                return size() > TransferFunctionCache.this.capacity;
            }
        };
    }

    /** The cached function for {@code key}, computing (outside the lock) and storing it when absent. */
    public TransferFunction get(TransferKey key, Function<TransferKey, TransferFunction> compute) {
        synchronized (map) {
            TransferFunction h = map.get(key);
            if (h != null) {
                return h;
            }
        }
        TransferFunction h = compute.apply(key);
        synchronized (map) {
            TransferFunction prev = map.putIfAbsent(key, h);
            return prev != null ? prev : h;
        }
    }

    public int size() {
        synchronized (map) {
            return map.size();
        }
    }

    public int capacity() {
        return capacity;
    }
}
