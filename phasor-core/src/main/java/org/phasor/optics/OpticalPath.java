package org.phasor.optics;

import org.phasor.math.ComplexArray;

import java.util.List;

/**
 * A fixed sequence of linear elements between two planes, applied in order: M = M_k ⋯ M_2·M_1 (e.g. free space,
 * a scattering wall, free space). The adjoint and the transpose run the elements in reverse order, each with its
 * own adjoint or transpose, so a path of reciprocal elements (free space, thin masks) is itself reciprocal and a
 * reverse pass through it is a physical backward propagation.
 */
public final class OpticalPath implements LinearOp {
    private final Grid grid;
    private final List<LinearOp> elements;

    public OpticalPath(List<? extends LinearOp> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("an optical path needs at least one element");
        }
        this.elements = List.copyOf(elements);
        this.grid = this.elements.getFirst().grid();
        for (LinearOp e : this.elements) {
            grid.requireSameSampling(e.grid(), "optical path element " + e.getClass().getSimpleName());
        }
    }

    public static OpticalPath of(LinearOp... elements) {
        return new OpticalPath(List.of(elements));
    }

    public List<LinearOp> elements() {
        return elements;
    }

    @Override
    public Grid grid() {
        return grid;
    }

    @Override
    public void apply(ComplexArray a) {
        for (LinearOp e : elements) {
            e.apply(a);
        }
    }

    @Override
    public void applyAdjoint(ComplexArray a) {
        for (int i = elements.size() - 1; i >= 0; i--) {
            elements.get(i).applyAdjoint(a);
        }
    }

    @Override
    public void applyTranspose(ComplexArray a) {
        for (int i = elements.size() - 1; i >= 0; i--) {
            elements.get(i).applyTranspose(a);
        }
    }

    @Override
    public void applySerial(ComplexArray a) {
        for (LinearOp e : elements) {
            e.applySerial(a);
        }
    }

    @Override
    public void applyTransposeSerial(ComplexArray a) {
        for (int i = elements.size() - 1; i >= 0; i--) {
            elements.get(i).applyTransposeSerial(a);
        }
    }
}
