package org.phasor.bench;

import org.phasor.model.Activation;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.PhaseModulation;
import org.phasor.model.Readout;
import org.phasor.optics.Grid;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;

import java.util.ArrayList;
import java.util.List;

/**
 * The digital twin a lab builds from its drawing: a phase-only {@link DiffractiveNetwork} with the bench's
 * nominal grid and spacings, band-limited angular spectrum with ×2 zero padding between planes (the same
 * propagator the simulated bench uses), flat illumination and a linear SLM. In-silico design, PAT's backward
 * pass and the gradient checks use it; it knows nothing the bench has not published in {@link BenchDescription}.
 */
public final class NominalModel {
    private NominalModel() {
    }

    public static Grid grid(BenchDescription d) {
        return Grid.of(d.nx(), d.ny(), d.pitch(), d.wavelength());
    }

    /**
     * @param activations one per modulator, or empty for a linear network
     */
    public static DiffractiveNetwork network(BenchDescription d, Propagator propagator, Readout readout,
                                             List<Activation> activations) {
        Grid g = grid(d);
        double[] z = d.distances();
        List<DiffractiveNetwork.Layer> layers = new ArrayList<>();
        for (int l = 1; l <= d.modulators(); l++) {
            Activation a = activations.isEmpty() ? Activation.NONE : activations.get(l - 1);
            layers.add(new DiffractiveNetwork.Layer(propagator.freeSpace(g, z[l - 1], Method.BL_ASM, 2),
                    PhaseModulation.INSTANCE, a));
        }
        return new DiffractiveNetwork(g, layers, propagator.freeSpace(g, z[d.modulators()], Method.BL_ASM, 2), readout);
    }

    /**
     * Ten square detectors in the 3-4-3 layout of the FFM authors' code, each {@code size} pixels wide, centred on
     * the output plane with gaps of {@code size} between them.
     */
    public static Readout detectors343(int nx, int ny, int size) {
        List<Readout.Region> r = new ArrayList<>();
        int[] rows = {3, 4, 3};
        int pitch = 2 * size;
        int y0 = ny / 2 - (3 * pitch - size) / 2;
        for (int row = 0; row < 3; row++) {
            int count = rows[row];
            int x0 = nx / 2 - (count * pitch - size) / 2;
            for (int k = 0; k < count; k++) {
                r.add(new Readout.Region(x0 + k * pitch, y0 + row * pitch, size, size));
            }
        }
        return new Readout(nx, ny, r);
    }
}
