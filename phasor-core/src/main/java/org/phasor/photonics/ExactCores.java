package org.phasor.photonics;

/**
 * Exact, noiseless {@link CoreAccess} to a stack of optical paths programmed with the given cis tables
 * (cos/sin of each heater phase, updated in place by the owner). The nominal digital twin and a simulated
 * chip's report-only oracle are both this, over different paths.
 */
public class ExactCores implements CoreAccess {
    protected final OpticalPath[] paths;
    protected final double[][] cis;

    /** Keeps references: later writes to {@code cis} reprogram the cores. */
    public ExactCores(OpticalPath[] paths, double[][] cis) {
        if (paths.length != cis.length) {
            throw new IllegalArgumentException(
                    "paths and cis tables differ in count: " + paths.length + " vs " + cis.length);
        }
        this.paths = paths;
        this.cis = cis;
    }

    @Override
    public int cores() {
        return paths.length;
    }

    @Override
    public OpticalPath path(int core) {
        return paths[core];
    }

    @Override
    public void forward(int core, double[][] in, double[][] out, double[][] taps) {
        for (int b = 0; b < in.length; b++) {
            System.arraycopy(in[b], 0, out[b], 0, in[b].length);
            paths[core].forward(cis[core], out[b], taps == null ? null : taps[b], null);
        }
    }

    @Override
    public void reverse(int core, double[][] err, double[][] atInput, double[][] taps) {
        for (int b = 0; b < err.length; b++) {
            System.arraycopy(err[b], 0, atInput[b], 0, err[b].length);
            paths[core].reverse(cis[core], atInput[b], taps == null ? null : taps[b]);
        }
    }
}
