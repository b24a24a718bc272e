package org.phasor.photonics;

import java.util.Arrays;

/**
 * An ordered sequence of primitive waveguide elements acting on {@code n} modes: heater phase shifters,
 * directional couplers, fixed diagonal factors (loss, mirror reflection) and read-out marks. Meshes and
 * symmetric cores compile to one of these; the model and the simulated chip run the same code.
 *
 * <p><b>Reciprocity.</b> Every primitive is a symmetric matrix (a phase shifter and a loss are diagonal, a
 * coupler B(η) is symmetric), so the transfer matrix of the path run backwards — light injected at the
 * output ports — is the product of the same elements in reverse order, i.e. exactly Mᵀ. {@link #reverse}
 * does that, and is also the model's adjoint: with e = conj(∂L/∂y*) launched backwards, the field reaching
 * the input is conj(Mᴴ·∂L/∂y*).
 *
 * <p><b>Taps.</b> Each phase-shifter occurrence q has a tap just after it (in the forward direction). Forward
 * and reverse runs write the complex field there, so the gradient with respect to the phase φ_h of heater
 * h is (PHYSICS.md, Wirtinger conventions)
 * <pre>∂L/∂φ_h = −2 · Im Σ_{q: heater(q) = h} u_q · v_q</pre>
 * with u the forward field and v the reverse field of conj(∂L/∂y*). A heater that light passes twice
 * (folded cores) has two occurrences and both terms count.
 *
 * <p>Vectors are interleaved double[2n]; all methods work in place and allocate nothing.
 */
public final class OpticalPath {
    private static final byte PHASE = 0;
    private static final byte COUPLER = 1;
    private static final byte DIAGONAL = 2;
    private static final byte MARK = 3;

    private final int modes;
    private final int heaters;
    private final byte[] kind;
    private final int[] mode;
    private final int[] ref;      // PHASE: heater; MARK: snapshot index; COUPLER/DIAGONAL: parameter id (−1 = none)
    private final double[] a;     // COUPLER: √η; DIAGONAL: Re factor
    private final double[] b;     // COUPLER: √(1−η); DIAGONAL: Im factor
    private final int[] tapOf;    // op index → tap index (PHASE only)
    private final int[] tapHeater;
    private final int[] tapMode;
    private final int marks;
    private final int couplerParams;
    private final int diagonalParams;

    private OpticalPath(Builder bld) {
        int n = bld.size;
        this.modes = bld.modes;
        this.kind = Arrays.copyOf(bld.kind, n);
        this.mode = Arrays.copyOf(bld.mode, n);
        this.ref = Arrays.copyOf(bld.ref, n);
        this.a = Arrays.copyOf(bld.a, n);
        this.b = Arrays.copyOf(bld.b, n);
        this.tapOf = new int[n];
        int taps = 0, m = 0, h = 0;
        for (int i = 0; i < n; i++) {
            if (kind[i] == PHASE) {
                tapOf[i] = taps++;
                h = Math.max(h, ref[i] + 1);
            } else if (kind[i] == MARK) {
                ref[i] = m++;
            }
        }
        this.marks = m;
        this.heaters = Math.max(h, bld.minHeaters);
        int cp = 0, dp = 0;
        for (int i = 0; i < n; i++) {
            if (kind[i] == COUPLER) {
                cp = Math.max(cp, ref[i] + 1);
            } else if (kind[i] == DIAGONAL) {
                dp = Math.max(dp, ref[i] + 1);
            }
        }
        this.couplerParams = cp;
        this.diagonalParams = dp;
        this.tapHeater = new int[taps];
        this.tapMode = new int[taps];
        for (int i = 0; i < n; i++) {
            if (kind[i] == PHASE) {
                tapHeater[tapOf[i]] = ref[i];
                tapMode[tapOf[i]] = mode[i];
            }
        }
    }

    public static Builder builder(int modes) {
        return new Builder(modes);
    }

    public int modes() {
        return modes;
    }

    public int heaters() {
        return heaters;
    }

    /** Number of phase-shifter occurrences (= taps). */
    public int taps() {
        return tapHeater.length;
    }

    /** Number of read-out marks (column snapshots). */
    public int marks() {
        return marks;
    }

    /** Heater driven at tap q. */
    public int tapHeater(int q) {
        return tapHeater[q];
    }

    /** Waveguide (mode) of tap q. */
    public int tapMode(int q) {
        return tapMode[q];
    }

    /** e^{iφ_h} for every heater, interleaved, into {@code cis} (length 2·heaters). */
    public void cis(double[] phases, double[] cis) {
        if (phases.length != heaters) {
            throw new IllegalArgumentException("expected " + heaters + " heater phases, got " + phases.length);
        }
        for (int h = 0; h < heaters; h++) {
            cis[2 * h] = Math.cos(phases[h]);
            cis[2 * h + 1] = Math.sin(phases[h]);
        }
    }

    /**
     * Propagates x (interleaved, length 2n) through the path in place. {@code taps} (length 2·taps, may be
     * null) receives the field after each phase shifter; {@code snapshots[k]} (may be null) the whole field
     * at mark k.
     */
    public void forward(double[] cis, double[] x, double[] taps, double[][] snapshots) {
        for (int i = 0; i < kind.length; i++) {
            apply(i, cis, x);
            if (kind[i] == PHASE && taps != null) {
                int q = tapOf[i], m = mode[i];
                taps[2 * q] = x[2 * m];
                taps[2 * q + 1] = x[2 * m + 1];
            } else if (kind[i] == MARK && snapshots != null) {
                System.arraycopy(x, 0, snapshots[ref[i]], 0, 2 * modes);
            }
        }
    }

    /**
     * Propagates e injected at the output ports backwards to the input ports in place (transfer Mᵀ, by
     * reciprocity). {@code taps} receives the field at each tap position (just after the phase shifter in the
     * forward sense, so before it is applied here).
     */
    public void reverse(double[] cis, double[] e, double[] taps) {
        for (int i = kind.length - 1; i >= 0; i--) {
            if (kind[i] == PHASE && taps != null) {
                int q = tapOf[i], m = mode[i];
                taps[2 * q] = e[2 * m];
                taps[2 * q + 1] = e[2 * m + 1];
            }
            apply(i, cis, e);
        }
    }

    private void apply(int i, double[] cis, double[] x) {
        int m = mode[i];
        switch (kind[i]) {
            case PHASE -> {
                double cr = cis[2 * ref[i]], ci = cis[2 * ref[i] + 1];
                double xr = x[2 * m], xi = x[2 * m + 1];
                x[2 * m] = cr * xr - ci * xi;
                x[2 * m + 1] = cr * xi + ci * xr;
            }
            case COUPLER -> {
                double t = a[i], s = b[i];
                double ur = x[2 * m], ui = x[2 * m + 1], wr = x[2 * m + 2], wi = x[2 * m + 3];
                // [u', w'] = [t·u + i·s·w, i·s·u + t·w]
                x[2 * m] = t * ur - s * wi;
                x[2 * m + 1] = t * ui + s * wr;
                x[2 * m + 2] = t * wr - s * ui;
                x[2 * m + 3] = t * wi + s * ur;
            }
            case DIAGONAL -> {
                double fr = a[i], fi = b[i];
                double xr = x[2 * m], xi = x[2 * m + 1];
                x[2 * m] = fr * xr - fi * xi;
                x[2 * m + 1] = fr * xi + fi * xr;
            }
            default -> {
            }
        }
    }

    /** grad[h] += −2·Im Σ u_q·v_q over the taps of heater h (see class doc). */
    public void accumulateGradient(double[] u, double[] v, double[] grad) {
        for (int q = 0; q < tapHeater.length; q++) {
            double ur = u[2 * q], ui = u[2 * q + 1], vr = v[2 * q], vi = v[2 * q + 1];
            grad[tapHeater[q]] += -2 * (ur * vi + ui * vr);
        }
    }

    /** Number of coupler parameter ids (largest id + 1; 0 when the couplers carry none). */
    public int couplerParams() {
        return couplerParams;
    }

    /** Number of diagonal-factor parameter ids (largest id + 1). */
    public int diagonalParams() {
        return diagonalParams;
    }

    /** Length of the scratch array {@link #parameterGradient} needs. */
    public int scratchSize() {
        return kind.length * 2 * modes;
    }

    /**
     * The adjoint of the path with respect to its element parameters, for calibration fits. With x the input
     * and e = conj(∂L/∂y*) at the output (y = M·x, L real), adds for every element the derivative
     * ∂L/∂p = 2·Re(vᵀ·(∂E/∂p)·u), u the forward field entering the element and v the reverse field of e
     * reaching it (the elements after it run backwards, Eᵀ = E):
     * <ul>
     * <li>{@code gPhase[h]}: phase φ_h of heater h (all its passages), = −2·Im Σ v·e^{iφ}u;</li>
     * <li>{@code gCoupler[id]}: coupler angle α with √η = cos α, √(1−η) = sin α (∂B/∂α = [[−sin α, i cos α],
     * [i cos α, −sin α]]), summed over every passage of coupler id;</li>
     * <li>{@code gDiag[2·id]}, {@code gDiag[2·id+1]}: real and imaginary part of the complex factor of diagonal
     * id (2·Re(v·u) and −2·Im(v·u)).</li>
     * </ul>
     * Elements without an id (−1) contribute nothing except through the fields. {@code x} is overwritten with
     * y and {@code e} with the reverse field at the input; {@code scratch} has {@link #scratchSize()} entries.
     * Any gradient array may be null.
     */
    public void parameterGradient(double[] cis, double[] x, double[] e, double[] gPhase, double[] gCoupler,
                                  double[] gDiag, double[] scratch) {
        parameterGradient(cis, x, e, null, gPhase, gCoupler, gDiag, scratch);
    }

    /**
     * The same for a loss that also depends on the tap fields t_q (as {@link #forward} writes them):
     * {@code eTaps[q]} = conj(∂L/∂t_q*) (interleaved, may be null) is added to the reverse field where tap q
     * reads the forward field.
     */
    public void parameterGradient(double[] cis, double[] x, double[] e, double[] eTaps, double[] gPhase, double[] gCoupler,
                                  double[] gDiag, double[] scratch) {
        int w = 2 * modes;
        for (int i = 0; i < kind.length; i++) {
            System.arraycopy(x, 0, scratch, i * w, w);
            apply(i, cis, x);
        }
        for (int i = kind.length - 1; i >= 0; i--) {
            int m = mode[i], o = i * w;
            switch (kind[i]) {
                case PHASE -> {
                    if (eTaps != null) {
                        e[2 * m] += eTaps[2 * tapOf[i]];
                        e[2 * m + 1] += eTaps[2 * tapOf[i] + 1];
                    }
                    if (gPhase != null) {
                        double cr = cis[2 * ref[i]], ci = cis[2 * ref[i] + 1];
                        double ur = scratch[o + 2 * m], ui = scratch[o + 2 * m + 1];
                        double wr = cr * ur - ci * ui, wi = cr * ui + ci * ur;
                        gPhase[ref[i]] += -2 * (e[2 * m] * wi + e[2 * m + 1] * wr);
                    }
                }
                case COUPLER -> {
                    if (gCoupler != null && ref[i] >= 0) {
                        double t = a[i], s = b[i];
                        double u0r = scratch[o + 2 * m], u0i = scratch[o + 2 * m + 1];
                        double u1r = scratch[o + 2 * m + 2], u1i = scratch[o + 2 * m + 3];
                        // dB·u = [−s·u0 + i·t·u1, i·t·u0 − s·u1]
                        double d0r = -s * u0r - t * u1i, d0i = -s * u0i + t * u1r;
                        double d1r = -t * u0i - s * u1r, d1i = t * u0r - s * u1i;
                        double v0r = e[2 * m], v0i = e[2 * m + 1], v1r = e[2 * m + 2], v1i = e[2 * m + 3];
                        gCoupler[ref[i]] += 2 * (v0r * d0r - v0i * d0i + v1r * d1r - v1i * d1i);
                    }
                }
                case DIAGONAL -> {
                    if (gDiag != null && ref[i] >= 0) {
                        double ur = scratch[o + 2 * m], ui = scratch[o + 2 * m + 1];
                        double vr = e[2 * m], vi = e[2 * m + 1];
                        gDiag[2 * ref[i]] += 2 * (vr * ur - vi * ui);
                        gDiag[2 * ref[i] + 1] += -2 * (vr * ui + vi * ur);
                    }
                }
                default -> {
                }
            }
            apply(i, cis, e);
        }
    }

    /** The transfer matrix for the given heater phases (column j = output for input e_j). */
    public CMat matrix(double[] phases) {
        double[] cis = new double[2 * heaters];
        cis(phases, cis);
        CMat m = new CMat(modes, modes);
        double[] x = new double[2 * modes];
        for (int j = 0; j < modes; j++) {
            Arrays.fill(x, 0);
            x[2 * j] = 1;
            forward(cis, x, null, null);
            m.setColumn(j, x);
        }
        return m;
    }

    /** Collects elements in order; {@link Builder#fold} folds the path back on itself. */
    public static final class Builder {
        private final int modes;
        private int size;
        private int minHeaters;
        private byte[] kind = new byte[64];
        private int[] mode = new int[64];
        private int[] ref = new int[64];
        private double[] a = new double[64];
        private double[] b = new double[64];

        private Builder(int modes) {
            if (modes < 2) {
                throw new IllegalArgumentException("a photonic path needs at least 2 modes, got " + modes);
            }
            this.modes = modes;
        }

        private Builder add(byte k, int m, int r, double av, double bv) {
            if (size == kind.length) {
                int cap = 2 * size;
                kind = Arrays.copyOf(kind, cap);
                mode = Arrays.copyOf(mode, cap);
                ref = Arrays.copyOf(ref, cap);
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
            }
            kind[size] = k;
            mode[size] = m;
            ref[size] = r;
            a[size] = av;
            b[size] = bv;
            size++;
            return this;
        }

        private void checkMode(int m, int width) {
            if (m < 0 || m + width > modes) {
                throw new IllegalArgumentException("mode " + m + " out of range for " + modes + " modes");
            }
        }

        /** A heater-driven phase shifter e^{iφ_heater} on mode m. */
        public Builder phase(int m, int heater) {
            checkMode(m, 1);
            return add(PHASE, m, heater, 0, 0);
        }

        /** A directional coupler between modes m and m+1 with power splitting ratio η (½ = 50:50). */
        public Builder coupler(int m, double eta) {
            return coupler(m, eta, -1);
        }

        /** The same, tagged with a parameter id for {@link OpticalPath#parameterGradient} (−1 = none). */
        public Builder coupler(int m, double eta, int id) {
            checkMode(m, 2);
            if (!(eta >= 0 && eta <= 1)) {
                throw new IllegalArgumentException("coupler splitting ratio must be in [0, 1], got " + eta);
            }
            return add(COUPLER, m, id, Math.sqrt(eta), Math.sqrt(1 - eta));
        }

        /** A fixed complex factor amp·e^{i·phase} on mode m (loss, mirror reflection). */
        public Builder diagonal(int m, double amp, double phase) {
            return diagonal(m, amp, phase, -1);
        }

        /** The same, tagged with a parameter id for {@link OpticalPath#parameterGradient} (−1 = none). */
        public Builder diagonal(int m, double amp, double phase, int id) {
            checkMode(m, 1);
            return add(DIAGONAL, m, id, amp * Math.cos(phase), amp * Math.sin(phase));
        }

        /** A read-out mark: forward runs snapshot the whole field here. */
        public Builder mark() {
            return add(MARK, 0, -1, 0, 0);
        }

        /** Declares at least this many heaters (for heaters no light passes, e.g. unused modes). */
        public Builder heaters(int n) {
            minHeaters = Math.max(minHeaters, n);
            return this;
        }

        /**
         * Folds the path: a mirror (reflection amp_i·e^{i·phase_i} on each mode, a diagonal and hence
         * symmetric element) followed by every element added so far in reverse order, marks included — the
         * light returns through the same physical elements. The sequence becomes a palindrome around the
         * mirror, so its transfer matrix equals its transpose (see {@link SymmetricCore}).
         */
        public Builder fold(double[] amp, double[] phase) {
            return fold(amp, phase, -1);
        }

        /** The same; mirror factor of mode m gets diagonal parameter id firstId + m (none if firstId &lt; 0). */
        public Builder fold(double[] amp, double[] phase, int firstId) {
            if (amp.length != modes || phase.length != modes) {
                throw new IllegalArgumentException("mirror needs " + modes + " reflectivities, got " + amp.length);
            }
            int n = size;
            for (int m = 0; m < modes; m++) {
                diagonal(m, amp[m], phase[m], firstId < 0 ? -1 : firstId + m);
            }
            for (int i = n - 1; i >= 0; i--) {
                add(kind[i], mode[i], ref[i], a[i], b[i]);
            }
            return this;
        }

        public OpticalPath build() {
            return new OpticalPath(this);
        }
    }
}
