package org.phasor.task.scattering;

import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.LinearOp;

/**
 * In-silico design of a focus through a <em>modelled</em> medium: the time-reversal (phase-conjugation)
 * optimum. With o_t = Σ_j M_tj·a_j·e^{iφ_j} the field at target pixel t for input a and the model M of everything
 * after the SLM, |o_t| is largest when every term is in phase: φ_j = −arg(M_tj·a_j), and M_tj = (Mᵀ·δ_t)_j, a
 * single transposed (reverse) propagation of a point source at the target. Per segment the best common phase is
 * −arg Σ_{j∈segment} M_tj·a_j. Exact for the model; on a bench it is only as good as the model of the medium.
 */
public final class PhaseConjugation {
    private PhaseConjugation() {
    }

    /**
     * @param model the modelled optics from just after the SLM to the camera (e.g. estimated medium, free space)
     * @param input the field lighting the SLM (interleaved, n×n), e.g. all ones
     */
    public static double[] design(LinearOp model, double[] input, Segments segments, int tx, int ty) {
        int n = segments.n();
        ComplexArray a = ComplexArray.zeros(Precision.DOUBLE, 1, n, n);
        a.set((long) ty * n + tx, 1, 0);
        model.applyTranspose(a);
        double[] w = a.toInterleaved();
        int s = segments.size();
        int per = segments.per();
        double[] re = new double[segments.count()];
        double[] im = new double[segments.count()];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int i = y * n + x;
                double mr = w[2 * i] * input[2 * i] - w[2 * i + 1] * input[2 * i + 1];
                double mi = w[2 * i] * input[2 * i + 1] + w[2 * i + 1] * input[2 * i];
                int k = (y / s) * per + x / s;
                re[k] += mr;
                im[k] += mi;
            }
        }
        double[] phase = new double[segments.count()];
        for (int k = 0; k < phase.length; k++) {
            phase[k] = -Math.atan2(im[k], re[k]);
        }
        return phase;
    }
}
