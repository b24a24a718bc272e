package org.phasor.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phasor.bench.BenchCalibration;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.FullyForward;
import org.phasor.bench.Holography;
import org.phasor.bench.IntensityObjective;
import org.phasor.bench.NominalModel;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.model.Activation;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.KerrPhase;
import org.phasor.model.NetworkWorkspace;
import org.phasor.model.Params;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the ideal bench with an exact camera, the gradient FFM measures (holography of the data and error passes,
 * −2·Im(u⊙v)) equals the model's adjoint gradient to rounding, for 1–8 layers, linear and with a Kerr-like
 * activation between layers (nonlinear FFM), with 3- and 4-step holography.
 */
class FfmGradientTest {
    static final int N = 24;

    @ParameterizedTest(name = "{0} layers, activation {1}, {2}-step holography")
    @CsvSource({"1,none,4", "2,none,3", "3,none,4", "4,none,4", "5,none,3", "6,none,4", "7,none,4", "8,none,4",
            "1,kerr,4", "2,kerr,3", "4,kerr,4", "8,kerr,4"})
    void ffmEqualsAdjointOnIdealBench(int layers, String act, int steps) {
        BenchDescription d = Rig.description(N, layers, 1.5e-3);
        List<Activation> acts = act.equals("none") ? List.of()
                : new ArrayList<>(Collections.nCopies(layers, (Activation) new KerrPhase(0.3)));
        SimulatedBench bench = new SimulatedBench(d, Imperfections.NONE, Rig.PROP);
        double[][] phases = Rig.levelPhases(layers, N * N, 11 + layers);
        ComplexFrames in = Rig.inputs(2, N, 5);
        double[] target = Rig.target(N * N, 3);
        IntensityObjective mse = Rig.mse(target);
        FullyForward ffm = new FullyForward(bench, BenchCalibration.nominal(d), new Holography(steps, layers + 2), acts);
        ffm.program(phases);
        FullyForward.Result measured = ffm.gradient(in, mse);

        double[][] adjoint = adjointGradient(d, acts, phases, in, target, N);
        double rel = Rig.relativeL2(measured.gradient(), adjoint);
        assertTrue(rel <= 1e-6, "FFM vs adjoint relative L2 error " + rel);
    }

    /**
     * The split passes with an arbitrary error field: {@code errorPass(…, toInput)} measures the co-field arriving
     * back at the input plane, equal to the model's co-field v_0 = Mᵀe (linear, and through the activations'
     * transposes), and the same gradients as the model's.
     */
    @ParameterizedTest(name = "{0} layers, activation {1}")
    @CsvSource({"1,none", "3,none", "1,kerr", "3,kerr"})
    void errorPassMeasuresTheInputCoField(int layers, String act) {
        BenchDescription d = Rig.description(N, layers, 1.5e-3);
        List<Activation> acts = act.equals("none") ? List.of()
                : new ArrayList<>(Collections.nCopies(layers, (Activation) new KerrPhase(0.3)));
        SimulatedBench bench = new SimulatedBench(d, Imperfections.NONE, Rig.PROP);
        double[][] phases = Rig.levelPhases(layers, N * N, 21 + layers);
        ComplexFrames in = Rig.inputs(2, N, 6);
        FullyForward ffm = new FullyForward(bench, BenchCalibration.nominal(d), new Holography(4, layers + 2), acts);
        ffm.program(phases);
        FullyForward.DataPass data = ffm.dataPass(in, false);
        SplittableRandom r = new SplittableRandom(4);
        double[] e = new double[data.output().length];
        for (int i = 0; i < e.length; i++) {
            e[i] = r.nextGaussian();
        }
        FullyForward.ErrorPass measured = ffm.errorPass(data, e, true);

        DiffractiveNetwork net = NominalModel.network(d, Rig.PROP, NominalModel.detectors343(N, N, 2), acts);
        NetworkWorkspace ws = net.workspace(in.batch(), Precision.DOUBLE);
        ws.setBatchSize(in.batch());
        ws.setParams(new Params(phases));
        ws.input().copyFrom(in.toArray(Precision.DOUBLE));
        ws.forwardRecording();
        ws.errorField().copyFrom(ComplexArray.fromInterleaved(Precision.DOUBLE, in.batch(), N, N, e));
        Params grad = net.identityParams().zerosLike();
        ws.transposePass(true, grad);
        double[] v0 = ws.coField(0).toInterleaved();
        assertTrue(Rig.relativeL2(new double[][]{measured.inputCoField()}, new double[][]{v0}) <= 1e-9,
                "input co-field, relative L2 error " + Rig.relativeL2(new double[][]{measured.inputCoField()}, new double[][]{v0}));
        double g = Rig.relativeL2(measured.gradient(), grad.layers());
        assertTrue(g <= 1e-6, "gradient from an arbitrary error field, relative L2 error " + g);
    }


    /** The model's exact gradient of L = Σ(|o|² − T)² by its transpose pass. */
    static double[][] adjointGradient(BenchDescription d, List<Activation> acts, double[][] phases, ComplexFrames in,
                                      double[] target, int n) {
        DiffractiveNetwork net = NominalModel.network(d, Rig.PROP, NominalModel.detectors343(n, n, 2), acts);
        NetworkWorkspace ws = net.workspace(in.batch(), Precision.DOUBLE);
        ws.setBatchSize(in.batch());
        ws.setParams(new Params(phases));
        ws.input().copyFrom(in.toArray(Precision.DOUBLE));
        ws.forwardRecording();
        ComplexArray o = ws.output();
        ComplexArray e = ws.errorField();
        for (long i = 0; i < o.size(); i++) {
            double re = o.re(i);
            double im = o.im(i);
            double g = 2 * (re * re + im * im - target[(int) (i % ((long) n * n))]);
            e.set(i, g * re, -g * im);
        }
        ws.transposePass(false);
        Params grad = net.identityParams().zerosLike();
        ws.accumulateGradients(grad);
        return grad.layers();
    }
}
