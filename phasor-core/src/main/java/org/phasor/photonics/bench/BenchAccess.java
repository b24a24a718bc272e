package org.phasor.photonics.bench;

import org.phasor.photonics.CoreAccess;
import org.phasor.photonics.OpticalPath;

/**
 * A chip bench seen as {@link CoreAccess}: every forward or reverse run is a measurement (launch, then
 * coherent detection of port and tap fields). Driving a {@link org.phasor.photonics.NetworkPass} with it is
 * fully forward training: the data pass and the error pass both run on the chip and the heater gradients
 * come from measured fields. {@code structure} supplies the public tap→heater map (the nominal path).
 */
public final class BenchAccess implements CoreAccess {
    private final ChipBench bench;
    private final CoreAccess structure;
    private final CoherentDetection detection;

    public BenchAccess(ChipBench bench, CoreAccess structure, CoherentDetection detection) {
        this.bench = bench;
        this.structure = structure;
        this.detection = detection;
    }

    @Override
    public int cores() {
        return bench.cores();
    }

    @Override
    public OpticalPath path(int core) {
        return structure.path(core);
    }

    @Override
    public void forward(int core, double[][] in, double[][] out, double[][] taps) {
        detection.measure(bench, core, in, false, out, taps);
    }

    @Override
    public void reverse(int core, double[][] err, double[][] atInput, double[][] taps) {
        detection.measure(bench, core, err, true, atInput, taps);
    }
}
