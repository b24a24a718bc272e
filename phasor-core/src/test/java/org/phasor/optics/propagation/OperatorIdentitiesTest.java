package org.phasor.optics.propagation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.Grid;
import org.phasor.optics.LinearOp;
import org.phasor.optics.OpTesting;
import org.phasor.optics.element.AmplitudeMask;
import org.phasor.optics.element.Aperture;
import org.phasor.optics.element.ComplexMask;
import org.phasor.optics.element.PhaseMask;
import org.phasor.optics.element.ThinLens;
import org.phasor.optics.element.ThinScatterer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every operator: the adjoint identity ⟨Ma, b⟩ = ⟨a, Mᴴb⟩, the transpose identity ⟨Ma, b⟩ = ⟨a, Mᵀb⟩
 * (bilinear), and reciprocity of whole systems. Run on power-of-two and other grid sizes.
 */
class OperatorIdentitiesTest {
    static final double TOL = 1e-12;

    static List<LinearOp> ops(Grid g) {
        Propagator prop = new Propagator(FftBackends.java(), w -> { });
        SplittableRandom rnd = new SplittableRandom(7);
        double[] phase = new double[g.size()];
        double[] amp = new double[g.size()];
        double[] cplx = new double[2 * g.size()];
        for (int i = 0; i < g.size(); i++) {
            phase[i] = rnd.nextDouble(-Math.PI, Math.PI);
            amp[i] = rnd.nextDouble();
            cplx[2 * i] = rnd.nextDouble(-1, 1);
            cplx[2 * i + 1] = rnd.nextDouble(-1, 1);
        }
        List<LinearOp> ops = new ArrayList<>();
        for (int pad = 1; pad <= 2; pad++) {
            ops.add(prop.freeSpace(g, 2e-3, Method.ASM, pad));
            ops.add(prop.freeSpace(g, 5e-2, Method.BL_ASM, pad));
            ops.add(prop.freeSpace(g, 2e-3, Method.FRESNEL, pad));
        }
        ops.add(new PhaseMask(g, phase));
        ops.add(new AmplitudeMask(g, amp));
        ops.add(new ComplexMask(g, cplx));
        ops.add(new ThinLens(g, 0.05));
        ops.add(Aperture.circular(g, g.widthX() / 3));
        ops.add(Aperture.rectangular(g, g.widthX() / 2, g.widthY() / 3));
        ops.add(new ThinScatterer(g, 2 * g.dx(), 1.5, 11));
        return ops;
    }

    @ParameterizedTest
    @CsvSource({"16,16", "12,10", "9,14"})
    void adjointAndTransposeIdentities(int ny, int nx) {
        Grid g = Grid.of(nx, ny, 8e-6, 532e-9);
        for (Precision p : Precision.values()) {
            double tol = p == Precision.DOUBLE ? TOL : 1e-5;
            for (LinearOp op : ops(g)) {
                ComplexArray a = OpTesting.random(p, 3, ny, nx, 1);
                ComplexArray b = OpTesting.random(p, 3, ny, nx, 2);
                ComplexArray ma = a.copy();
                op.apply(ma);
                ComplexArray mhb = b.copy();
                op.applyAdjoint(mhb);
                ComplexArray mtb = b.copy();
                op.applyTranspose(mtb);
                double adj = OpTesting.relDiff(OpTesting.dot(ma, b), OpTesting.dot(a, mhb));
                double tr = OpTesting.relDiff(OpTesting.bilinear(ma, b), OpTesting.bilinear(a, mtb));
                assertTrue(adj < tol, op + " " + p + " adjoint identity off by " + adj);
                assertTrue(tr < tol, op + " " + p + " transpose identity off by " + tr);
            }
        }
    }

    /**
     * {@link LinearOp#applySerial} and {@link LinearOp#applyTransposeSerial} (the per-item calls of the fused network
     * schedule) give what {@code apply} and {@code applyTranspose} give, also when items run on several threads at once
     * (the padded free-space scratch is per concurrent caller). Tolerance: rounding only (with fewer items than cores
     * the batch call takes the row-parallel FFT path).
     */
    @ParameterizedTest
    @CsvSource({"16,16", "12,10"})
    void serialCallsMatchBatchCalls(int ny, int nx) {
        Grid g = Grid.of(nx, ny, 8e-6, 532e-9);
        List<LinearOp> ops = new ArrayList<>(ops(g));
        ops.add(org.phasor.optics.OpticalPath.of(ops.get(1), ops.get(6), ops.get(4)));
        for (Precision p : Precision.values()) {
            double tol = p == Precision.DOUBLE ? TOL : 1e-5;
            for (LinearOp op : ops) {
                for (boolean transpose : new boolean[]{false, true}) {
                    ComplexArray batch = OpTesting.random(p, 6, ny, nx, 3);
                    ComplexArray items = batch.copy();
                    if (transpose) {
                        op.applyTranspose(batch);
                    } else {
                        op.apply(batch);
                    }
                    java.util.stream.IntStream.range(0, 6).parallel().forEach(b -> {
                        if (transpose) {
                            op.applyTransposeSerial(items.item(b));
                        } else {
                            op.applySerial(items.item(b));
                        }
                    });
                    double d = OpTesting.relL2(batch, items);
                    assertTrue(d < tol, op + " " + p + (transpose ? " transpose" : "") + ": serial vs batch off by " + d);
                }
            }
        }
    }

    /**
     * Reciprocity of a system of masks, lenses and free space: ⟨a, S b⟩ = ⟨S_reversed a, b⟩ (bilinear), where
     * S_reversed runs the same elements in the opposite order; and for a mirror-symmetric system (S_reversed = S)
     * ⟨a, S b⟩ = ⟨b, S a⟩.
     */
    @ParameterizedTest
    @CsvSource({"32,32", "20,20", "30,40"})
    void systemsAreReciprocal(int ny, int nx) {
        Grid g = Grid.of(nx, ny, 8e-6, 532e-9);
        Propagator prop = new Propagator(FftBackends.java(), w -> { });
        List<LinearOp> all = ops(g);
        PhaseMask mask = (PhaseMask) all.get(6);
        LinearOp lens = new ThinLens(g, 0.02);
        LinearOp scatter = new ThinScatterer(g, 1.5 * g.dx(), 2, 3);
        LinearOp fs1 = prop.freeSpace(g, 3e-3, Method.BL_ASM, 2);
        LinearOp fs2 = prop.freeSpace(g, 1e-3, Method.ASM, 1);
        List<LinearOp> chain = List.of(mask, fs1, lens, fs2, scatter, fs1, all.get(7));
        ComplexArray a = OpTesting.random(Precision.DOUBLE, 2, ny, nx, 5);
        ComplexArray b = OpTesting.random(Precision.DOUBLE, 2, ny, nx, 6);
        ComplexArray sb = b.copy();
        chain.forEach(op -> op.apply(sb));
        ComplexArray ra = a.copy();
        chain.reversed().forEach(op -> op.apply(ra));
        double d = OpTesting.relDiff(OpTesting.bilinear(a, sb), OpTesting.bilinear(ra, b));
        assertTrue(d < TOL, "reversed system is the transpose: off by " + d);

        List<LinearOp> mirror = List.of(mask, fs1, lens, fs2, scatter, fs2, lens, fs1, mask);
        ComplexArray sa = a.copy();
        mirror.forEach(op -> op.apply(sa));
        ComplexArray sb2 = b.copy();
        mirror.forEach(op -> op.apply(sb2));
        double s = OpTesting.relDiff(OpTesting.bilinear(a, sb2), OpTesting.bilinear(b, sa));
        assertTrue(s < TOL, "mirror-symmetric system: <a,Sb> vs <b,Sa> off by " + s);
    }
}
