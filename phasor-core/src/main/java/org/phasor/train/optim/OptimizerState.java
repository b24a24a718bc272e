package org.phasor.train.optim;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything an optimiser needs to continue exactly where it stopped: its kind, the number of updates done,
 * and named arrays (e.g. {@code m.0}, {@code v.0} for Adam's moments of tensor 0). Save the arrays in a
 * checkpoint (e.g. as .npy entries {@code optimizer/m.0}) together with {@code kind} and {@code step}.
 * The arrays are deep copies, independent of the optimiser.
 *
 * @param kind   optimiser name ({@code adam}, {@code sgd})
 * @param step   number of updates done
 * @param arrays named state arrays, in a stable order
 */
public record OptimizerState(String kind, long step, Map<String, double[]> arrays) {
    public OptimizerState {
        LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
        arrays.forEach((k, v) -> copy.put(k, v.clone()));
        arrays = Collections.unmodifiableMap(copy);
    }

    /** Exact equality of kind, step and every array (bit for bit). */
    public boolean sameAs(OptimizerState o) {
        if (!kind.equals(o.kind) || step != o.step || !arrays.keySet().equals(o.arrays.keySet())) {
            return false;
        }
        for (var e : arrays.entrySet()) {
            if (!Arrays.equals(e.getValue(), o.arrays.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerState s && sameAs(s);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Long.hashCode(step);
    }
}
