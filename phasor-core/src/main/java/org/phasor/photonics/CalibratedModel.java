package org.phasor.photonics;

import java.util.Arrays;

/**
 * A digital twin whose physics is fitted to a chip: the same folded-core structure as the nominal model
 * (public: the layout), with free parameters where fabrication and heaters differ from the design —
 * <ul>
 * <li>every coupler's splitting angle α (√η = cos α, both passages of the fold share it),</li>
 * <li>the amplitude transmission of every waveguide after every column (loss) and the mirror's complex
 * reflection per mode,</li>
 * <li>a heater response φ_h = gain_h·w(s_h) + offset_h + Σ_{j ∈ nbr(h)} x_{hj}·w(s_j), with w the driver's
 * documented wrap into [0, 2π) and one free crosstalk coefficient x_{hj} per pair of adjacent heaters (the
 * neighbour list comes from the layout: which heaters sit next to each other on the chip).</li>
 * </ul>
 * It starts at the nominal design (α = π/4, lossless, ideal mirror, gain 1, offset 0, no crosstalk) and is
 * fitted by {@link org.phasor.photonics.bench.ChipCalibration} to transfer matrices measured by coherent
 * detection; nothing here reads hidden chip data. Gradients of the fit come from
 * {@link OpticalPath#parameterGradient} (adjoint of the element parameters).
 *
 * <p>Per-core parameter vector layout: α (2·mzis), loss (columns·modes), mirror amplitude (modes), mirror phase
 * (modes), gain (heaters), offset (heaters), crosstalk (one per directed neighbour link).
 */
public final class CalibratedModel extends ExactCores implements TwinModel {
    private final NetworkShape shape;
    private final MeshLayout[] layouts;
    private final double[][] params;
    private final int[][][] nbr;
    private final int[][] linkStart;
    private final double[][] commands, phases;

    public CalibratedModel(NetworkShape shape) {
        OpticalPath[] paths = new OpticalPath[shape.cores()];
        double[][] cis = new double[shape.cores()][];
        for (int c = 0; c < shape.cores(); c++) {
            MeshLayout layout = shape.layout(c);
            paths[c] = SymmetricCore.taggedPath(layout, Fabrication.ideal(layout));
            cis[c] = new double[2 * paths[c].heaters()];
        }
        super(paths, cis);
        this.shape = shape;
        int n = shape.cores();
        layouts = new MeshLayout[n];
        params = new double[n][];
        nbr = new int[n][][];
        linkStart = new int[n][];
        commands = new double[n][];
        phases = new double[n][];
        for (int c = 0; c < n; c++) {
            MeshLayout l = shape.layout(c);
            layouts[c] = l;
            nbr[c] = HeaterResponse.neighbours(l);
            int h = l.heaters();
            linkStart[c] = new int[h + 1];
            for (int i = 0; i < h; i++) {
                linkStart[c][i + 1] = linkStart[c][i] + nbr[c][i].length;
            }
            double[] p = new double[gainAt(c) + 2 * h + linkStart[c][h]];
            Arrays.fill(p, 0, 2 * l.mzis(), Math.PI / 4);
            Arrays.fill(p, lossAt(c), lossAt(c) + l.columns() * l.modes() + l.modes(), 1.0);   // losses and mirror amplitudes
            Arrays.fill(p, gainAt(c), gainAt(c) + h, 1.0);
            params[c] = p;
            commands[c] = new double[h];
            phases[c] = new double[h];
            program(c, commands[c]);
        }
    }

    public NetworkShape shape() {
        return shape;
    }

    private int lossAt(int c) {
        return 2 * layouts[c].mzis();
    }

    private int mirrorAt(int c) {
        return lossAt(c) + layouts[c].columns() * layouts[c].modes();
    }

    private int gainAt(int c) {
        return mirrorAt(c) + 2 * layouts[c].modes();
    }

    private int offsetAt(int c) {
        return gainAt(c) + layouts[c].heaters();
    }

    private int crosstalkAt(int c) {
        return offsetAt(c) + layouts[c].heaters();
    }

    /** Number of fitted parameters of a core. */
    public int parameterCount(int core) {
        return params[core].length;
    }

    /** A copy of a core's parameter vector (layout in the class doc). */
    public double[] parameters(int core) {
        return params[core].clone();
    }

    /** Sets a core's parameters and rebuilds its path (keeps the programmed commands). */
    public void setParameters(int core, double[] p) {
        if (p.length != params[core].length) {
            throw new IllegalArgumentException("core " + core + " has " + params[core].length + " parameters, got " + p.length);
        }
        System.arraycopy(p, 0, params[core], 0, p.length);
        MeshLayout l = layouts[core];
        int n = l.modes();
        double[] eta = new double[2 * l.mzis()];
        for (int i = 0; i < eta.length; i++) {
            double t = Math.cos(p[i]);
            eta[i] = t * t;
        }
        double[] loss = Arrays.copyOfRange(p, lossAt(core), mirrorAt(core));
        double[] amp = Arrays.copyOfRange(p, mirrorAt(core), mirrorAt(core) + n);
        double[] ph = Arrays.copyOfRange(p, mirrorAt(core) + n, mirrorAt(core) + 2 * n);
        paths[core] = SymmetricCore.taggedPath(l, new Fabrication(eta, loss, amp, ph));
        program(core, commands[core]);
    }

    /** The phases this twin predicts for the given commands of a core. */
    public void phases(int core, double[] s, double[] out) {
        double[] p = params[core];
        int g = gainAt(core), o = offsetAt(core), x = crosstalkAt(core);
        for (int h = 0; h < s.length; h++) {
            double v = p[g + h] * Mzi.wrap(s[h]) + p[o + h];
            int[] nb = nbr[core][h];
            for (int k = 0; k < nb.length; k++) {
                v += p[x + linkStart[core][h] + k] * Mzi.wrap(s[nb[k]]);
            }
            out[h] = v;
        }
    }

    @Override
    public void program(int core, double[] s) {
        if (s.length != commands[core].length) {
            throw new IllegalArgumentException("core " + core + " has " + commands[core].length + " heaters, got " + s.length);
        }
        System.arraycopy(s, 0, commands[core], 0, s.length);
        phases(core, s, phases[core]);
        paths[core].cis(phases[core], cis[core]);
    }

    @Override
    public double[] settingsGradient(int core, double[] gPhase) {
        double[] p = params[core];
        int g = gainAt(core), x = crosstalkAt(core);
        double[] out = new double[gPhase.length];
        for (int h = 0; h < gPhase.length; h++) {
            out[h] += p[g + h] * gPhase[h];
            int[] nb = nbr[core][h];
            for (int k = 0; k < nb.length; k++) {
                out[nb[k]] += p[x + linkStart[core][h] + k] * gPhase[h];
            }
        }
        return out;
    }

    /** Transfer matrix columns (out[j] = M·e_j, interleaved) predicted for the given commands. */
    public double[][] transfer(int core, double[] s) {
        int n = layouts[core].modes();
        double[] ph = new double[s.length], cs = new double[2 * s.length];
        phases(core, s, ph);
        paths[core].cis(ph, cs);
        double[][] out = new double[n][2 * n];
        for (int j = 0; j < n; j++) {
            out[j][2 * j] = 1;
            paths[core].forward(cs, out[j], null, null);
        }
        return out;
    }

    /**
     * The fit objective for one core, L = Σ_k Σ_j |M(s_k)·e_j − m_kj|² / (K·n), and its gradient with respect to
     * the core's parameters (written into {@code grad}, length {@link #parameterCount}).
     *
     * @param settings commands s_k the chip was programmed with, [K][heaters]
     * @param measured measured transfer columns m_kj, [K][n][2n]
     */
    public double fitLoss(int core, double[][] settings, double[][][] measured, double[] grad) {
        return fitLoss(core, settings, measured, null, grad);
    }

    /**
     * The same with the measured tap fields of those launches ({@code taps[k][j]}, interleaved, may be null):
     * L = (Σ |M(s_k)·e_j − m_kj|² + Σ |t_kj(model) − t_kj|²) / (K·n). Taps make the fit local (every phase
     * shifter's output is seen), which a deep mesh needs: port fields alone leave a hard non-convex fit.
     */
    public double fitLoss(int core, double[][] settings, double[][][] measured, double[][][] taps, double[] grad) {
        return fitLoss(core, settings, measured, taps, Integer.MAX_VALUE, true, grad);
    }

    /**
     * The same, counting only taps q &lt; {@code tapLimit} (taps are numbered in propagation order, so a prefix
     * of taps depends only on the elements before it) and the port fields only when {@code ports}: the stages
     * of a curriculum fit that fixes a deep mesh from its input side onwards.
     */
    public double fitLoss(int core, double[][] settings, double[][][] measured, double[][][] taps, int tapLimit,
                          boolean ports, double[] grad) {
        OpticalPath path = paths[core];
        MeshLayout l = layouts[core];
        int n = l.modes(), h = l.heaters();
        double[] p = params[core];
        Arrays.fill(grad, 0);
        double[] gPhase = new double[h], gCoupler = new double[2 * l.mzis()], gDiag = new double[2 * path.diagonalParams()];
        double[] x = new double[2 * n], e = new double[2 * n], scratch = new double[path.scratchSize()];
        double[] tf = taps == null ? null : new double[2 * path.taps()], et = taps == null ? null : new double[2 * path.taps()];
        double[] ph = new double[h], cs = new double[2 * h];
        int count = settings.length * n;
        double loss = 0;
        int g = gainAt(core), o = offsetAt(core), xt = crosstalkAt(core);
        for (int k = 0; k < settings.length; k++) {
            double[] s = settings[k];
            phases(core, s, ph);
            path.cis(ph, cs);
            Arrays.fill(gPhase, 0);
            for (int j = 0; j < n; j++) {
                Arrays.fill(x, 0);
                x[2 * j] = 1;
                path.forward(cs, x, tf, null);
                double[] m = measured[k][j];
                if (taps != null) {
                    double[] mt = taps[k][j];
                    int lim = (int) Math.min(tf.length, 2L * tapLimit);
                    Arrays.fill(et, lim, et.length, 0);
                    for (int i = 0; i < lim; i += 2) {
                        double dr = tf[i] - mt[i], di = tf[i + 1] - mt[i + 1];
                        loss += dr * dr + di * di;
                        et[i] = dr / count;
                        et[i + 1] = -di / count;
                    }
                }
                for (int i = 0; i < 2 * n; i += 2) {
                    double dr = ports ? x[i] - m[i] : 0, di = ports ? x[i + 1] - m[i + 1] : 0;
                    loss += dr * dr + di * di;
                    e[i] = dr / count;          // conj(∂L/∂y*) = conj(y − m)/count
                    e[i + 1] = -di / count;
                }
                Arrays.fill(x, 0);
                x[2 * j] = 1;
                path.parameterGradient(cs, x, e, et, gPhase, gCoupler, gDiag, scratch);
            }
            for (int i = 0; i < h; i++) {
                double w = Mzi.wrap(s[i]);
                grad[g + i] += gPhase[i] * w;
                grad[o + i] += gPhase[i];
                int[] nb = nbr[core][i];
                for (int q = 0; q < nb.length; q++) {
                    grad[xt + linkStart[core][i] + q] += gPhase[i] * Mzi.wrap(s[nb[q]]);
                }
            }
        }
        System.arraycopy(gCoupler, 0, grad, 0, gCoupler.length);
        int cols = l.columns() * n;
        for (int i = 0; i < cols; i++) {
            grad[lossAt(core) + i] = gDiag[2 * i];                 // real factor: ∂L/∂t = ∂L/∂Re f
        }
        int mA = mirrorAt(core);
        for (int m = 0; m < n; m++) {
            double a = p[mA + m], psi = p[mA + n + m];
            double gr = gDiag[2 * (cols + m)], gi = gDiag[2 * (cols + m) + 1];
            grad[mA + m] = gr * Math.cos(psi) + gi * Math.sin(psi);
            grad[mA + n + m] = a * (-gr * Math.sin(psi) + gi * Math.cos(psi));
        }
        return loss / count;
    }
}
