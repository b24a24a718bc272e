package org.phasor.model;

import org.phasor.math.Precision;
import org.phasor.optics.Grid;
import org.phasor.optics.LinearOp;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A diffractive network: the input field (already encoded on {@link #grid()}) goes through L steps of
 * (free-space propagation H_l, modulation t_l, optional pointwise activation f_l), then a final propagation
 * H_{L+1} to the detector plane, where a {@link Readout} collects class energies:
 * <pre>  a_l = H_l·u_{l−1},  m_l = t_l ⊙ a_l,  u_l = f_l(m_l),  o = H_{L+1}·u_L,  u_0 = input</pre>
 * All planes share one sampling grid (the modulators cover the whole grid; any zero padding for linear
 * convolution lives inside the propagation operators).
 *
 * <p>This object is immutable geometry: the parameters live in {@link Params} and all buffers in a
 * {@link NetworkWorkspace}, so the same network can serve several threads, a model and a simulated bench.
 */
public final class DiffractiveNetwork {

    /** One step: propagate to the plane, modulate, then the (possibly identity) activation. */
    public record Layer(LinearOp propagation, Modulation modulation, Activation activation) {
        public Layer {
            Objects.requireNonNull(propagation, "propagation");
            Objects.requireNonNull(modulation, "modulation");
            activation = activation == null ? Activation.NONE : activation;
        }
    }

    private final Grid grid;
    private final List<Layer> layers;
    private final LinearOp outputPropagation;
    private final Readout readout;

    public DiffractiveNetwork(Grid grid, List<Layer> layers, LinearOp outputPropagation, Readout readout) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.layers = List.copyOf(layers);
        this.outputPropagation = Objects.requireNonNull(outputPropagation, "outputPropagation");
        this.readout = Objects.requireNonNull(readout, "readout");
        if (this.layers.isEmpty()) {
            throw new IllegalArgumentException("a diffractive network needs at least one layer");
        }
        for (int l = 0; l < this.layers.size(); l++) {
            this.layers.get(l).propagation().grid().requireSameSampling(grid, "layer " + (l + 1) + " propagation");
        }
        outputPropagation.grid().requireSameSampling(grid, "output propagation");
        if (readout.nx() != grid.nx() || readout.ny() != grid.ny()) {
            throw new IllegalArgumentException("readout is for " + readout.nx() + "x" + readout.ny()
                    + " but the grid is " + grid.describe());
        }
    }

    public Grid grid() {
        return grid;
    }

    /** Number of modulation layers L. */
    public int layerCount() {
        return layers.size();
    }

    /** Layer {@code l}, counted from 1 (as in the physics notation) to L. */
    public Layer layer(int l) {
        return layers.get(l - 1);
    }

    public List<Layer> layers() {
        return layers;
    }

    public LinearOp outputPropagation() {
        return outputPropagation;
    }

    public Readout readout() {
        return readout;
    }

    /** Parameters for which every layer transmits unchanged (phase 0, amplitude 1). */
    public Params identityParams() {
        double[][] p = new double[layers.size()][];
        for (int l = 0; l < p.length; l++) {
            p[l] = layers.get(l).modulation().identityParams(grid.size());
        }
        return new Params(p);
    }

    /**
     * Identity parameters plus uniform noise in [−spread/2, spread/2) on every value (seeded). For phase layers a
     * spread of 2π gives uniformly random phases.
     */
    public Params randomParams(long seed, double spread) {
        Params p = identityParams();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (double[] layer : p.layers()) {
            for (int i = 0; i < layer.length; i++) {
                layer[i] += spread * (rnd.nextDouble() - 0.5);
            }
        }
        return p;
    }

    /** Checks that {@code p} has one array of the right length per layer; one-line error otherwise. */
    public void requireCompatible(Params p) {
        if (p.layerCount() != layers.size()) {
            throw new IllegalArgumentException("parameters have " + p.layerCount() + " layers, network has " + layers.size());
        }
        for (int l = 0; l < layers.size(); l++) {
            int want = grid.size() * layers.get(l).modulation().paramsPerPixel();
            if (p.layer(l).length != want) {
                throw new IllegalArgumentException("layer " + (l + 1) + " has " + p.layer(l).length
                        + " parameters, expected " + want);
            }
        }
    }

    /** Buffers for batches of up to {@code maxBatch} fields stored in {@code precision}. */
    public NetworkWorkspace workspace(int maxBatch, Precision precision) {
        return new NetworkWorkspace(this, maxBatch, precision);
    }
}
