package org.phasor.cli.run;

import org.phasor.math.fft.FftBackend;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.Params;
import org.phasor.optics.propagation.Propagator;
import org.phasor.train.Checkpoints;
import org.phasor.train.TrainingState;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A run directory loaded back: its config, the network it describes and the parameters of its last checkpoint. */
record SavedRun(RunDirectory run, RunConfig config, RunBuilder builder, DiffractiveNetwork network, Params params,
                TrainingState state) {

    static SavedRun load(Path dir, FftBackend backend, PrintWriter err) throws IOException {
        RunDirectory run = new RunDirectory(dir);
        RunConfig cfg = run.readConfig();
        if (!Files.exists(run.checkpoint())) {
            throw new NoSuchFileException(run.checkpoint() + " (the run has no checkpoint yet)");
        }
        TrainingState s = Checkpoints.read(run.checkpoint());
        RunBuilder rb = new RunBuilder(cfg);
        Propagator prop = rb.propagator(backend, msg -> err.println("phasor: warning: " + msg));
        DiffractiveNetwork net = rb.network(prop);
        try {
            net.requireCompatible(s.params());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(run.checkpoint() + " does not match " + run.config() + ": " + e.getMessage());
        }
        return new SavedRun(run, cfg, rb, net, s.params(), s);
    }
}
