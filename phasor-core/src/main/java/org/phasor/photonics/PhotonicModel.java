package org.phasor.photonics;

/**
 * The digital twin: the nominal network (ideal 50:50 couplers, lossless, uniform mirror, heater phase =
 * command) computed exactly. It is the {@link CoreAccess} the in-silico method trains on, and the backward
 * model of physics-aware training. Heater phases are set with {@link #program}.
 */
public final class PhotonicModel implements CoreAccess {
    private final NetworkShape shape;
    private final OpticalPath[] paths;
    private final double[][] cis;

    public PhotonicModel(NetworkShape shape) {
        this.shape = shape;
        this.paths = new OpticalPath[shape.cores()];
        this.cis = new double[shape.cores()][];
        for (int c = 0; c < shape.cores(); c++) {
            MeshLayout layout = shape.layout(c);
            paths[c] = SymmetricCore.path(layout, Fabrication.ideal(layout));
            cis[c] = new double[2 * paths[c].heaters()];
        }
    }

    public NetworkShape shape() {
        return shape;
    }

    public void program(int core, double[] phases) {
        paths[core].cis(phases, cis[core]);
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
