package org.phasor.sim;

import org.junit.jupiter.api.Test;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.ExposureControl;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Frames;
import org.phasor.bench.Holography;
import org.phasor.bench.Injection;
import org.phasor.bench.ReferenceArm;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The camera exposure and the reference attenuator: a longer exposure collects more photons (noise ∝ 1/√exposure),
 * clips lower and costs camera time; {@link ExposureControl} uses them so weak fields are measured with more
 * photons and bright ones without clipping.
 */
class ExposureControlTest {
    static final int N = 32;

    /** The lab camera (QE 0.64, 2.47 e⁻, 12 bits, 10 000 e⁻ full well, 1 000 photons per unit) and nothing else wrong. */
    static Imperfections labCamera() {
        return new Imperfections(5, 0, 0, 0, 1, 1, 0, 0, 0, 1000, 0.64, 2.47, 12, 10000, false, 0, 0, 0, "lab camera only");
    }

    static ComplexFrames field(double amplitude, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] z = new double[2 * N * N];
        for (int i = 0; i < N * N; i++) {
            double a = amplitude * r.nextDouble();
            double p = 2 * Math.PI * r.nextDouble();
            z[2 * i] = a * Math.cos(p);
            z[2 * i + 1] = a * Math.sin(p);
        }
        return new ComplexFrames(1, N, N, z);
    }

    /** RMS error of a measured field against the truth, relative to the truth's RMS. */
    static double relativeError(ComplexFrames measured, ComplexFrames truth) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < truth.reIm().length; i++) {
            double d = measured.reIm()[i] - truth.reIm()[i];
            num += d * d;
            den += truth.reIm()[i] * truth.reIm()[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void longerExposureLowersTheNoiseClipsLowerAndCostsTime() {
        BenchDescription d = Rig.description(N, 1, 2e-3);
        double[] flat = new double[N * N];
        java.util.Arrays.fill(flat, 0.5);
        Injection light = Injection.inputs(ComplexFrames.ofAmplitudes(1, N, N, flat));
        double[] sd = new double[2];
        double[] seconds = new double[2];
        double[] scale = new double[2];
        double[] exposures = {1, 4};
        for (int k = 0; k < 2; k++) {
            SimulatedBench bench = new SimulatedBench(d, labCamera(), Rig.PROP);
            bench.setExposure(exposures[k]);
            Frames f = bench.capture(light, 0);
            double s = 0;
            for (double v : f.values()) {
                s += (v - 0.25) * (v - 0.25);
            }
            sd[k] = Math.sqrt(s / f.values().length);
            seconds[k] = bench.cost().seconds();
            scale[k] = f.fullScale();
            assertFalse(f.clipped());
        }
        assertEquals(4, seconds[1] / seconds[0], 1e-12, "camera time scales with the exposure");
        assertEquals(0.25, scale[1] / scale[0], 1e-12, "the full scale falls with the exposure");
        assertEquals(10000 / (1000 * 0.64), scale[0], 1e-9);
        // shot noise of 0.25 × 640 e⁻ = 160 e⁻ dominates: the noise halves at 4× the exposure
        assertEquals(0.5, sd[1] / sd[0], 0.06, "noise ratio " + sd[1] / sd[0]);
    }

    @Test
    void attenuatedReferenceScalesTheFringes() {
        BenchDescription d = Rig.description(N, 1, 2e-3);
        SimulatedBench bench = new SimulatedBench(d, Profiles.load("ideal"), Rig.PROP);
        bench.setReference(ReferenceArm.at(0, 0.25));
        Frames f = bench.capture(new Injection(org.phasor.bench.Direction.FORWARD, 0, ComplexFrames.zeros(1, N, N)), 0);
        assertEquals(0.25, f.values()[17], 1e-12, "dark signal reads |r|² × transmission");
        assertTrue(Double.isInfinite(f.fullScale()), "an exact camera never clips");
    }

    @Test
    void controlledExposureMeasuresAWeakFieldBetter() {
        BenchDescription d = Rig.description(N, 1, 2e-3);
        ComplexFrames weak = field(0.05, 3);
        double fixed = 0;
        double auto = 0;
        for (int rep = 0; rep < 2; rep++) { // the first measurement of a kind of light runs at the nominal exposure
            fixed = relativeError(new Holography(3, 3).measure(new SimulatedBench(d, labCamera(), Rig.PROP),
                    Injection.inputs(weak), 0), weak);
        }
        SimulatedBench bench = new SimulatedBench(d, labCamera(), Rig.PROP);
        Holography holo = new Holography(3, 3, false, ExposureControl.auto(16));
        holo.measure(bench, Injection.inputs(field(0.05, 4)), 0);
        double before = bench.cost().seconds();
        auto = relativeError(holo.measure(bench, Injection.inputs(weak), 0), weak);
        double spent = bench.cost().seconds() - before;
        assertTrue(auto < 0.35 * fixed, "controlled " + auto + " vs fixed " + fixed);
        assertEquals(16 * 3 / 42.0, spent, 1e-9, "three frames at the 16× cap");
        assertEquals(0, holo.retakes());
    }

    @Test
    void controlledExposureRetakesAFrameThatClipped() {
        BenchDescription d = Rig.description(N, 1, 2e-3);
        // |u| up to 3.5 with a unit reference: fringes up to 20.3, over the lab camera's 15.6
        ComplexFrames bright = field(3.5, 5);
        double fixed = relativeError(new Holography(3, 3).measure(new SimulatedBench(d, labCamera(), Rig.PROP),
                Injection.inputs(bright), 0), bright);
        Holography holo = new Holography(3, 3, false, ExposureControl.auto(16));
        double auto = relativeError(holo.measure(new SimulatedBench(d, labCamera(), Rig.PROP),
                Injection.inputs(bright), 0), bright);
        assertTrue(holo.retakes() >= 1, "a clipped measurement is retaken");
        assertTrue(auto < 0.5 * fixed, "controlled " + auto + " vs clipped " + fixed);
    }

    @Test
    void chosenSettingKeepsTheBrightestFringeUnderTheBudget() {
        ExposureControl c = ExposureControl.auto(16);
        double fullScale = 15.625;
        for (double peak : new double[]{0, 1e-6, 1e-3, 0.04, 0.3, 1, 4, 30}) {
            ExposureControl.Setting s = c.choose(peak, 1, fullScale);
            double fringe = Math.pow(Math.sqrt(s.transmission()) + Math.sqrt(peak), 2) * s.exposure();
            assertTrue(s.exposure() <= 16 && s.transmission() <= 1 && s.transmission() > 0, s.toString());
            assertTrue(fringe <= 0.5 * fullScale * (1 + 1e-12) || s.exposure() == 1.0 / 64, peak + ": " + s);
        }
        assertEquals(16, c.choose(1e-3, 1, fullScale).exposure(), "a weak field gets the longest exposure");
        assertEquals(ExposureControl.Setting.NOMINAL, ExposureControl.FIXED.choose(1e-3, 1, fullScale));
    }

    @Test
    void ffmGradientDeviatesLessWithControlledExposure() {
        int layers = 3;
        BenchDescription d = Rig.description(N, layers, 2e-3);
        double[][] phases = Rig.levelPhases(layers, N * N, 21);
        ComplexFrames in = Rig.inputs(4, N, 8);
        double[] target = Rig.target(N * N, 4);
        double[][] exact = FfmGradientTest.adjointGradient(d, List.of(), phases, in, target, N);
        double[] dev = new double[2];
        ExposureControl[] controls = {ExposureControl.FIXED, ExposureControl.auto(16)};
        for (int k = 0; k < 2; k++) {
            FullyForward ffm = new FullyForward(new SimulatedBench(d, labCamera(), Rig.PROP), BenchCalibration.nominal(d),
                    new Holography(3, layers + 2, false, controls[k]), List.of());
            ffm.program(phases);
            ffm.gradient(in, Rig.mse(target)); // the first measurement of each kind of light is nominal
            dev[k] = Rig.relativeL2(ffm.gradient(in, Rig.mse(target)).gradient(), exact);
        }
        assertTrue(dev[1] < 0.5 * dev[0], "controlled " + dev[1] + " vs fixed " + dev[0]);
    }
}
