package org.phasor.model;

import org.phasor.optics.Grid;

import java.util.ArrayList;
import java.util.List;

/** Small networks on the test propagator, shared by model and train tests. */
public final class TestNetworks {
    public static final Grid GRID = Grid.square(16, 8e-6, 532e-9);

    private TestNetworks() {
    }

    /** L phase layers on a 16×16 grid, 1 mm apart, four 4×4 detectors in the corners. */
    public static DiffractiveNetwork phase(int layers) {
        List<DiffractiveNetwork.Layer> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ls.add(new DiffractiveNetwork.Layer(new TestAsm(GRID, 1e-3), PhaseModulation.INSTANCE, Activation.NONE));
        }
        Readout ro = new Readout(16, 16, List.of(new Readout.Region(2, 2, 4, 4), new Readout.Region(10, 2, 4, 4),
                new Readout.Region(2, 10, 4, 4), new Readout.Region(10, 10, 4, 4)));
        return new DiffractiveNetwork(GRID, ls, new TestAsm(GRID, 1e-3), ro);
    }
}
