package org.phasor.photonics.bench;

import org.phasor.photonics.ExactCores;
import org.phasor.photonics.Fabrication;
import org.phasor.photonics.HeaterResponse;
import org.phasor.photonics.MeshLayout;
import org.phasor.photonics.NetworkShape;
import org.phasor.photonics.OpticalPath;
import org.phasor.photonics.SymmetricCore;

import java.util.SplittableRandom;

/**
 * A simulated chip: the nominal cores of a {@link NetworkShape} built with hidden, seeded
 * {@link ChipImperfections} — random fabrication ({@link Fabrication}), a heater response with gain and
 * offset errors, DAC quantisation and thermal crosstalk ({@link HeaterResponse}), a slow random-walk drift of
 * every heater phase (one step per programming), and noisy detectors. It uses the same
 * {@link SymmetricCore}/{@link OpticalPath} code as the model, so the only difference is the hidden
 * parameters.
 *
 * <p>{@link #oracle()} gives the exact hidden physics; it exists for reports (the "ideal gradient" that FFM
 * gradients are compared with) and tests, never for trainers.
 */
public final class SimulatedChipBench implements ChipBench {
    private final NetworkShape shape;
    private final ChipImperfections imperfections;
    private final OpticalPath[] paths;
    private final HeaterResponse[] responses;
    private final double[][] settings, drift, phases, cis;
    private final SplittableRandom driftRng, noiseRng;
    private long programs, launches, frames;

    public SimulatedChipBench(NetworkShape shape, ChipImperfections imperfections, long seed) {
        this.shape = shape;
        this.imperfections = imperfections;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom fabRng = root.split();
        this.driftRng = root.split();
        this.noiseRng = root.split();
        int n = shape.cores();
        paths = new OpticalPath[n];
        responses = new HeaterResponse[n];
        settings = new double[n][];
        drift = new double[n][];
        phases = new double[n][];
        cis = new double[n][];
        ChipImperfections p = imperfections;
        for (int c = 0; c < n; c++) {
            MeshLayout layout = shape.layout(c);
            Fabrication fab = Fabrication.random(layout, p.couplerSigma(), p.lossDb(), p.lossSigmaDb(), p.mirrorSigma(), fabRng);
            paths[c] = SymmetricCore.path(layout, fab);
            responses[c] = HeaterResponse.random(layout, p.heaterGainSigma(), p.heaterOffsetSigma(), p.dacBits(), p.crosstalk(), fabRng);
            int h = layout.heaters();
            settings[c] = new double[h];
            drift[c] = new double[h];
            phases[c] = new double[h];
            cis[c] = new double[2 * h];
            apply(c);
        }
    }

    public ChipImperfections imperfections() {
        return imperfections;
    }

    @Override
    public int cores() {
        return paths.length;
    }

    @Override
    public int modes(int core) {
        return paths[core].modes();
    }

    @Override
    public int heaters(int core) {
        return paths[core].heaters();
    }

    @Override
    public int taps(int core) {
        return paths[core].taps();
    }

    @Override
    public void program(int core, double[] s) {
        if (s.length != settings[core].length) {
            throw new IllegalArgumentException("core " + core + " has " + settings[core].length + " heaters, got " + s.length + " settings");
        }
        System.arraycopy(s, 0, settings[core], 0, s.length);
        double sigma = imperfections.driftSigma();
        if (sigma > 0) {
            for (int h = 0; h < drift[core].length; h++) {
                drift[core][h] += sigma * driftRng.nextGaussian();
            }
        }
        apply(core);
        programs++;
    }

    private void apply(int core) {
        responses[core].phases(settings[core], drift[core], phases[core]);
        paths[core].cis(phases[core], cis[core]);
    }

    @Override
    public Frames capture(int core, double[][] inputs, boolean fromOutput, double refAmp, double refPhase) {
        OpticalPath p = paths[core];
        int n = p.modes(), t = p.taps();
        double[][] portP = new double[inputs.length][n];
        double[][] tapP = new double[inputs.length][t];
        double rr = refAmp * Math.cos(refPhase), ri = refAmp * Math.sin(refPhase);
        double[] x = new double[2 * n];
        double[] tf = new double[2 * t];
        for (int b = 0; b < inputs.length; b++) {
            if (inputs[b].length != 2 * n) {
                throw new IllegalArgumentException("core " + core + " has " + n + " ports, got a field of " + inputs[b].length / 2);
            }
            System.arraycopy(inputs[b], 0, x, 0, 2 * n);
            if (fromOutput) {
                p.reverse(cis[core], x, tf);
            } else {
                p.forward(cis[core], x, tf, null);
            }
            for (int j = 0; j < n; j++) {
                portP[b][j] = detect(x[2 * j] + rr, x[2 * j + 1] + ri);
            }
            for (int q = 0; q < t; q++) {
                tapP[b][q] = detect(tf[2 * q] + rr, tf[2 * q + 1] + ri);
            }
        }
        launches += inputs.length;
        frames += inputs.length;
        return new Frames(portP, tapP);
    }

    private double detect(double re, double im) {
        double pw = re * re + im * im;
        if (imperfections.detectorRelNoise() > 0 || imperfections.detectorAbsNoise() > 0) {
            pw += imperfections.detectorRelNoise() * pw * noiseRng.nextGaussian()
                    + imperfections.detectorAbsNoise() * noiseRng.nextGaussian();
        }
        return pw;
    }

    @Override
    public BenchCost cost() {
        return new BenchCost(programs, launches, frames);
    }

    /** The exact hidden physics (for reports and tests only). */
    public Oracle oracle() {
        return new Oracle();
    }

    /** Exact, noiseless access to the hidden chip, and the heater-response Jacobian. */
    public final class Oracle extends ExactCores {
        private Oracle() {
            super(SimulatedChipBench.this.paths, SimulatedChipBench.this.cis);
        }

        /**
         * ∂L/∂settings from ∂L/∂phases through the hidden response (gain and crosstalk; the DAC rounding is
         * taken as identity, i.e. the derivative of the unquantised response).
         */
        public double[] settingsGradient(int core, double[] gPhase) {
            HeaterResponse r = responses[core];
            double[] g = new double[gPhase.length];
            for (int h = 0; h < g.length; h++) {
                g[h] += r.gain()[h] * gPhase[h];
                for (int j : r.neighbours()[h]) {
                    g[j] += r.crosstalk() * gPhase[h];
                }
            }
            return g;
        }
    }
}
