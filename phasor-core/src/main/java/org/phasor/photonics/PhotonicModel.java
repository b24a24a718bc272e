package org.phasor.photonics;

/**
 * The digital twin: the nominal network (ideal 50:50 couplers, lossless, uniform mirror, heater phase =
 * command) computed exactly. It is the {@link CoreAccess} the in-silico method trains on, and the backward
 * model of physics-aware training. Heater phases are set with {@link #program}.
 */
public final class PhotonicModel extends ExactCores implements TwinModel {
    private final NetworkShape shape;

    public PhotonicModel(NetworkShape shape) {
        OpticalPath[] paths = new OpticalPath[shape.cores()];
        double[][] cis = new double[shape.cores()][];
        for (int c = 0; c < shape.cores(); c++) {
            MeshLayout layout = shape.layout(c);
            paths[c] = SymmetricCore.path(layout, Fabrication.ideal(layout));
            cis[c] = new double[2 * paths[c].heaters()];
        }
        super(paths, cis);
        this.shape = shape;
    }

    public NetworkShape shape() {
        return shape;
    }

    @Override
    public void program(int core, double[] phases) {
        paths[core].cis(phases, cis[core]);
    }

    /** The nominal twin believes phase = command: the gradient is unchanged. */
    @Override
    public double[] settingsGradient(int core, double[] gPhase) {
        return gPhase;
    }
}
