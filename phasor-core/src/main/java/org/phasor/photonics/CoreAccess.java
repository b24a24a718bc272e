package org.phasor.photonics;

/**
 * What a network pass needs from a stack of cores, whether they are simulated exactly (the model) or
 * measured on a chip (a bench): run a batch forward from the input ports, run a batch backward from the
 * output ports, each returning the port fields and the tap fields. Batches are {@code [b][2n]} interleaved.
 * The tap→heater map is the layout's (public knowledge), see {@link #path(int)}.
 */
public interface CoreAccess {
    int cores();

    /** The nominal path of core l (for its structure: modes, taps, heaters). */
    OpticalPath path(int core);

    /** out[b] = M·in[b]; taps[b] = fields at the taps (null to skip). */
    void forward(int core, double[][] in, double[][] out, double[][] taps);

    /** atInput[b] = Mᵀ·err[b] (injected at the outputs); taps[b] = fields at the taps. */
    void reverse(int core, double[][] err, double[][] atInput, double[][] taps);
}
