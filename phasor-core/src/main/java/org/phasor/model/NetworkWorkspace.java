package org.phasor.model;

import org.phasor.math.ComplexArray;
import org.phasor.math.Parallel;
import org.phasor.math.Precision;
import org.phasor.optics.LinearOp;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * All mutable state of one {@link DiffractiveNetwork} evaluation: the fields recorded at every plane in the data
 * (forward) pass, the co-fields of the transpose (error) pass, and the transmissions of the current parameters.
 * Buffers are allocated once for {@code maxBatch} items; a step allocates nothing large. Not thread-safe: one
 * workspace per training loop (its kernels use both cores internally, parallel over batch items or pixels).
 *
 * <p>Planes and buffers (l = 1..L, see {@link DiffractiveNetwork}):
 * <ul>
 *   <li>{@link #input()}: u_0, the encoded input, filled by the caller;</li>
 *   <li>{@link #arriving(int) arriving(l)}: a_l = H_l·u_{l−1}, the field arriving at modulation plane l;
 *       {@code arriving(L+1)} = {@link #output()} is the detector-plane field o;</li>
 *   <li>{@link #leaving(int, ComplexArray)}: m_l = t_l ⊙ a_l, computed on demand (FFM measures it);</li>
 *   <li>{@link #errorField()}: e = conj(∂L/∂o*) at the detector plane, filled by the caller or a {@link Readout};</li>
 *   <li>{@link #coField(int) coField(l)}: v_l = M_lᵀ·e, the field that arrives at plane l (just behind modulation l)
 *       when e is launched backwards through the same system — what the optical error pass of FFM measures. With an
 *       activation, coField(l) is taken at the activation's input (its Jacobian already applied), so the
 *       parameter gradient is always ∂L/∂p = 2·Re(v_l·∂t/∂p·a_l) (for phases: −2·Im(m_l ⊙ v_l)).</li>
 * </ul>
 * The transpose pass uses only Mᵀ of each element (H_lᵀ, t_l), never Mᴴ: it is the physical reverse pass, and
 * for reciprocal optics it equals conj of the adjoint pass, so the gradients are exact.
 *
 * <p>Schedule: with at least one item per core (the training case) {@link #forwardRecording} and the training
 * error pass {@link #transposePass(boolean, Params)} are fused per item: a core takes a contiguous run of items and
 * carries each item through all planes, running the element-wise work of a plane (copy, modulation, activation,
 * gradient accumulation, multiply by t_l) on the field the propagation has just left in its cache, then the next
 * propagation on the same thread ({@link LinearOp#applySerial}); the gradient is summed per chunk of items, then
 * over the chunks. With fewer items than cores, and for the recording {@link #transposePass(boolean)}, the planes
 * are processed one after the other over the whole batch and each propagation parallelises itself. Both schedules
 * run the same element-wise kernels; only the grouping of the sum over batch items differs, so they agree to
 * rounding. The kernels read t_l and ∂t_l/∂p in the storage
 * precision (rounded once per {@link #setParams} in single precision, like the fields they multiply), which halves
 * the bytes every item pulls through the cache; {@link #transmission(int)} and {@link #accumulateGradients} keep
 * the double values.
 */
public final class NetworkWorkspace {
    private static final int BLOCK = ComplexArray.BLOCK;

    private final DiffractiveNetwork net;
    private final int maxBatch;
    private final int layers;
    private final int pixels;
    private final Precision precision;
    private final ComplexArray[] arrive; // 0 = input, 1..L arriving, L+1 = output
    private final ComplexArray[] back;   // 0 = input-plane co-field, 1..L co-fields v_l
    private final ComplexArray error;
    private final double[][] t;          // per layer, interleaved transmission
    private final double[][] dt;         // per layer, interleaved ∂t/∂p
    private final ComplexArray[] tStored;  // per layer, t in the storage precision: what the item kernels read
    private final ComplexArray[] dtStored; // per layer, ∂t/∂p likewise (half the bytes of t/dt in single precision)
    private final double[][] scratchT;   // per batch item, a block of t
    private final double[][] scratchD;   // per batch item, a block of ∂t/∂p
    private final double[][] scratchA;   // per batch item (or per pixel block), 2·BLOCK doubles
    private final double[][] scratchB;
    private final double[][] response;   // per batch item (or block), activation response
    private double[][][] partial;        // per chunk of items and layer, the gradient (fused schedule; made on first use)
    private int n;                       // items in the current batch
    private boolean paramsSet;
    private Schedule schedule = Schedule.AUTO;

    /** How the passes are ordered (see the class comment); tests pin one to compare the two. */
    enum Schedule { AUTO, ITEMS, PASSES }

    NetworkWorkspace(DiffractiveNetwork net, int maxBatch, Precision precision) {
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + maxBatch);
        }
        this.net = net;
        this.maxBatch = maxBatch;
        this.layers = net.layerCount();
        this.pixels = net.grid().size();
        this.precision = precision;
        int ny = net.grid().ny();
        int nx = net.grid().nx();
        arrive = new ComplexArray[layers + 2];
        for (int l = 0; l < arrive.length; l++) {
            arrive[l] = ComplexArray.zeros(precision, maxBatch, ny, nx);
        }
        back = new ComplexArray[layers + 1];
        for (int l = 0; l < back.length; l++) {
            back[l] = ComplexArray.zeros(precision, maxBatch, ny, nx);
        }
        error = ComplexArray.zeros(precision, maxBatch, ny, nx);
        t = new double[layers][];
        dt = new double[layers][];
        tStored = new ComplexArray[layers];
        dtStored = new ComplexArray[layers];
        int most = 1;
        for (int l = 0; l < layers; l++) {
            int k = net.layer(l + 1).modulation().paramsPerPixel();
            most = Math.max(most, k);
            t[l] = new double[2 * pixels];
            dt[l] = new double[2 * pixels * k];
            tStored[l] = ComplexArray.zeros(precision, 1, 1, pixels);
            dtStored[l] = ComplexArray.zeros(precision, 1, 1, pixels * k);
        }
        int lanes = Math.max(maxBatch, blocks());
        scratchA = new double[lanes][2 * BLOCK];
        scratchB = new double[lanes][2 * BLOCK];
        response = new double[lanes][4];
        scratchT = new double[maxBatch][2 * BLOCK];
        scratchD = new double[maxBatch][2 * BLOCK * most];
        this.n = maxBatch;
    }

    public DiffractiveNetwork network() {
        return net;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public Precision precision() {
        return precision;
    }

    /** Items in the current batch (set by {@link #setBatchSize}). */
    public int batchSize() {
        return n;
    }

    /** Uses the first {@code n} items of every buffer from now on (the last batch of an epoch may be short). */
    public void setBatchSize(int n) {
        if (n <= 0 || n > maxBatch) {
            throw new IllegalArgumentException("batch of " + n + " items does not fit a workspace for " + maxBatch);
        }
        this.n = n;
    }

    /** Evaluates every layer's transmission t_l and ∂t_l/∂p for these parameters (parallel over layers and blocks). */
    public void setParams(Params p) {
        net.requireCompatible(p);
        int blocks = blocks();
        IntStream.range(0, layers * blocks).parallel().forEach(j -> {
            int l = j / blocks;
            int from = (j % blocks) * BLOCK;
            int len = Math.min(BLOCK, pixels - from);
            Modulation mod = net.layer(l + 1).modulation();
            int k = mod.paramsPerPixel();
            mod.transmission(p.layer(l), t[l], dt[l], from, from + len);
            tStored[l].store(from, t[l], from, len);
            dtStored[l].store((long) from * k, dt[l], from * k, len * k);
        });
        paramsSet = true;
    }

    /** Pins the schedule (package-private: tests compare the fused and the plane-by-plane order). */
    void schedule(Schedule s) {
        this.schedule = s;
    }

    /** The current transmission of layer l (1..L), interleaved re/im; read-only by convention. */
    public double[] transmission(int l) {
        return t[l - 1];
    }

    /** u_0: the caller writes the encoded input fields here (first {@link #batchSize()} items). */
    public ComplexArray input() {
        return view(arrive[0]);
    }

    /** a_l for l = 1..L; l = L+1 gives the detector-plane field. */
    public ComplexArray arriving(int l) {
        if (l < 1 || l > layers + 1) {
            throw new IndexOutOfBoundsException("plane " + l + " outside 1.." + (layers + 1));
        }
        return view(arrive[l]);
    }

    /** o, the field at the detector plane after {@link #forwardRecording()}. */
    public ComplexArray output() {
        return view(arrive[layers + 1]);
    }

    /** e = conj(∂L/∂o*): write the error field here before {@link #transposePass}. */
    public ComplexArray errorField() {
        return view(error);
    }

    /**
     * v_l (l = 1..L) after {@link #transposePass(boolean)}; l = 0 gives the co-field at the input plane when
     * requested (also after {@link #transposePass(boolean, Params)}, which does not record the others).
     */
    public ComplexArray coField(int l) {
        return view(back[l]);
    }

    /** Writes m_l = t_l ⊙ a_l, the field just behind modulation plane l (before any activation), into {@code dst}. */
    public void leaving(int l, ComplexArray dst) {
        ComplexArray src = arriving(l);
        src.requireSameShape(dst);
        ComplexArray tl = tStored[l - 1];
        forEachItem(b -> {
            double[] s = scratchA[b];
            double[] tb = scratchT[b];
            for (int p0 = 0; p0 < pixels; p0 += BLOCK) {
                int len = Math.min(BLOCK, pixels - p0);
                long off = (long) b * pixels + p0;
                src.load(off, s, 0, len);
                tl.load(p0, tb, 0, len);
                multiply(s, tb, len);
                dst.store(off, s, 0, len);
            }
        });
    }

    /**
     * The data pass: from {@link #input()} through every layer to {@link #output()}, recording a_l at every plane.
     * Modulation and activation of layer l are fused with the copy into plane l+1's buffer; the propagation then
     * runs in place there.
     */
    public void forwardRecording() {
        requireParams();
        if (fusedItems()) {
            // item by item through all planes: the field a propagation leaves in the cache is modulated at once
            Parallel.forRange(n, (from, to) -> {
                for (int b = from; b < to; b++) {
                    for (int l = 1; l <= layers + 1; l++) {
                        if (l == 1) {
                            arrive[1].item(b).copyFrom(arrive[0].item(b));
                        } else {
                            modulateItem(l - 1, b, arrive[l - 1], arrive[l]);
                        }
                        propagation(l).applySerial(arrive[l].item(b));
                    }
                }
            });
            return;
        }
        for (int l = 1; l <= layers + 1; l++) {
            ComplexArray dst = view(arrive[l]);
            if (l == 1) {
                dst.copyFrom(view(arrive[0]));
            } else {
                int layer = l - 1;
                forEachItem(b -> modulateItem(layer, b, arrive[layer], arrive[layer + 1]));
            }
            propagation(l).apply(dst);
        }
    }

    /**
     * The error pass: launches {@link #errorField()} backwards from the detector plane through the transpose of
     * every element and records v_l at every plane (see the class comment).
     *
     * @param toInput also propagate the last step back to the input plane ({@code coField(0)}); gradients of
     *                the parameters do not need it, an input gradient or an optical reverse pass does
     */
    public void transposePass(boolean toInput) {
        requireParams();
        ComplexArray w = view(back[layers]);
        w.copyFrom(view(error));
        net.outputPropagation().applyTranspose(w);
        for (int l = layers; l >= 1; l--) {
            int layer = l;
            ComplexArray next = l > 1 || toInput ? back[l - 1] : null;
            if (next != null || !net.layer(l).activation().isIdentity()) {
                forEachItem(b -> backwardItem(layer, b, back[layer], next, null));
            }
            if (next != null) {
                net.layer(l).propagation().applyTranspose(view(next));
            }
        }
    }

    /**
     * The error pass of training: as {@link #transposePass(boolean)}, and adds ∂L/∂p of every layer, summed over
     * the batch, to {@code grad} ({@link #accumulateGradients}' formula, fused into the same pass over the fields).
     * With at least one item per core the co-field of an item is propagated in place from plane to plane while it
     * stays in the core's cache, so the co-fields v_l (l ≥ 1) are <em>not</em> recorded: afterwards only
     * {@code coField(0)} (with {@code toInput}) is defined. Use {@link #transposePass(boolean)} to record them.
     */
    public void transposePass(boolean toInput, Params grad) {
        Objects.requireNonNull(grad, "grad");
        requireParams();
        net.requireCompatible(grad);
        if (!fusedItems()) {
            transposePass(toInput);
            accumulateGradients(grad);
            return;
        }
        int chunks = Parallel.chunks(n);
        if (partial == null) {
            partial = new double[Parallel.chunks(maxBatch)][layers][];
            for (double[][] pc : partial) {
                for (int l = 0; l < layers; l++) {
                    pc[l] = new double[dt[l].length / 2];
                }
            }
        }
        ComplexArray work = toInput ? back[0] : back[layers];
        Parallel.forChunks(n, (c, from, to) -> {
            for (int b = from; b < to; b++) {
                ComplexArray w = work.item(b);
                w.copyFrom(error.item(b));
                net.outputPropagation().applyTransposeSerial(w);
                for (int l = layers; l >= 1; l--) {
                    boolean more = l > 1 || toInput;
                    // in place, block by block: each block of v is read before t ⊙ v overwrites it
                    backwardItem(l, b, work, more ? work : null, partial[c][l - 1]);
                    if (more) {
                        net.layer(l).propagation().applyTransposeSerial(w);
                    }
                }
            }
        });
        reducePartials(chunks, grad);
    }

    /**
     * Adds ∂L/∂p of every layer, summed over the batch, to {@code grad} (same shapes as {@link Params}): uses
     * ∂L/∂p = 2·Re(v_l·∂t/∂p·a_l) with the recorded a_l and v_l. Parallel over pixel blocks; within a pixel the
     * batch items are summed in a fixed order, so the result does not depend on the number of threads.
     */
    public void accumulateGradients(Params grad) {
        net.requireCompatible(grad);
        for (int l = 1; l <= layers; l++) {
            int k = net.layer(l).modulation().paramsPerPixel();
            double[] g = grad.layer(l - 1);
            double[] d = dt[l - 1];
            ComplexArray a = view(arrive[l]);
            ComplexArray v = view(back[l]);
            IntStream.range(0, blocks()).parallel().forEach(blk -> {
                double[] sa = scratchA[blk];
                double[] sv = scratchB[blk];
                int p0 = blk * BLOCK;
                int len = Math.min(BLOCK, pixels - p0);
                for (int b = 0; b < n; b++) {
                    long off = (long) b * pixels + p0;
                    a.load(off, sa, 0, len);
                    v.load(off, sv, 0, len);
                    accumulate(sv, sa, p0, len, d, p0 * k, k, g);
                }
            });
        }
    }

    /**
     * g[p·k + j] += 2·Re(v·a·∂t/∂p_j) for the {@code len} pixels from {@code p0}; v and a are blocks, ∂t/∂p of
     * pixel p0 + i is at {@code d[2·(d0 + i·k + j)]} (d0 = p0·k for the whole layer's array, 0 for a block).
     */
    private static void accumulate(double[] sv, double[] sa, int p0, int len, double[] d, int d0, int k, double[] g) {
        for (int i = 0; i < len; i++) {
            // q = v·a, then ∂L/∂p_k = 2·Re(q·dt_k)
            double qr = sv[2 * i] * sa[2 * i] - sv[2 * i + 1] * sa[2 * i + 1];
            double qi = sv[2 * i] * sa[2 * i + 1] + sv[2 * i + 1] * sa[2 * i];
            for (int j = 0; j < k; j++) {
                int q = (p0 + i) * k + j;
                int e = d0 + i * k + j;
                g[q] += 2 * (qr * d[2 * e] - qi * d[2 * e + 1]);
            }
        }
    }

    /** grad += Σ_c partial[c] per layer (chunks in order), leaving the partials zero; parallel over layers and blocks. */
    private void reducePartials(int chunks, Params grad) {
        int[] first = new int[layers + 1]; // first block of each layer in the flat block index
        for (int l = 0; l < layers; l++) {
            first[l + 1] = first[l] + (grad.layer(l).length + BLOCK - 1) / BLOCK;
        }
        IntStream.range(0, first[layers]).parallel().forEach(j -> {
            int l = 0;
            while (j >= first[l + 1]) {
                l++;
            }
            double[] g = grad.layer(l);
            int start = (j - first[l]) * BLOCK;
            int end = Math.min(g.length, start + BLOCK);
            for (int c = 0; c < chunks; c++) {
                double[] pc = partial[c][l];
                for (int i = start; i < end; i++) {
                    g[i] += pc[i];
                    pc[i] = 0;
                }
            }
        });
    }

    private boolean fusedItems() {
        return switch (schedule) {
            case AUTO -> n >= Parallel.threads();
            case ITEMS -> true;
            case PASSES -> false;
        };
    }

    private LinearOp propagation(int plane) {
        return plane <= layers ? net.layer(plane).propagation() : net.outputPropagation();
    }

    private int blocks() {
        return (pixels + BLOCK - 1) / BLOCK;
    }

    private ComplexArray view(ComplexArray full) {
        return n == maxBatch ? full : full.items(0, n);
    }

    private void requireParams() {
        if (!paramsSet) {
            throw new IllegalStateException("setParams must be called before running the network");
        }
    }

    /** Item b: dst = f_l(t_l ⊙ src), fused (src, dst: whole buffers, item b is read and written). */
    private void modulateItem(int l, int b, ComplexArray src, ComplexArray dst) {
        ComplexArray tl = tStored[l - 1];
        Activation act = net.layer(l).activation();
        boolean nonlinear = !act.isIdentity();
        double inv = 1 / act.intensityScale();
        double[] s = scratchA[b];
        double[] tb = scratchT[b];
        double[] h = response[b];
        for (int p0 = 0; p0 < pixels; p0 += BLOCK) {
            int len = Math.min(BLOCK, pixels - p0);
            long off = (long) b * pixels + p0;
            src.load(off, s, 0, len);
            tl.load(p0, tb, 0, len);
            multiply(s, tb, len);
            if (nonlinear) {
                for (int i = 0; i < len; i++) {
                    double mr = s[2 * i];
                    double mi = s[2 * i + 1];
                    act.response((mr * mr + mi * mi) * inv, h);
                    s[2 * i] = mr * h[0] - mi * h[1];
                    s[2 * i + 1] = mr * h[1] + mi * h[0];
                }
            }
            dst.store(off, s, 0, len);
        }
    }

    /**
     * Item b at plane l, in one pass over its pixels: the co-field behind the activation becomes the co-field at
     * its input, v ← v·∂w/∂m + conj(v·∂w/∂m*) with m = t_l ⊙ a_l (stored back into {@code v}); then, if
     * {@code acc} is given, acc += 2·Re(v·∂t/∂p·a_l) ({@link #accumulateGradients}' formula); then, if {@code next}
     * is given, next = t_l ⊙ v. {@code v} and {@code next} are whole buffers.
     */
    private void backwardItem(int l, int b, ComplexArray v, ComplexArray next, double[] acc) {
        Activation act = net.layer(l).activation();
        boolean nonlinear = !act.isIdentity();
        ComplexArray tl = tStored[l - 1];
        ComplexArray dl = dtStored[l - 1];
        int k = net.layer(l).modulation().paramsPerPixel();
        double inv = 1 / act.intensityScale();
        ComplexArray a = arrive[l];
        double[] s = scratchA[b];
        double[] m = scratchB[b];
        double[] tb = scratchT[b];
        double[] db = scratchD[b];
        double[] h = response[b];
        for (int p0 = 0; p0 < pixels; p0 += BLOCK) {
            int len = Math.min(BLOCK, pixels - p0);
            long off = (long) b * pixels + p0;
            v.load(off, s, 0, len);
            if (nonlinear || acc != null) {
                a.load(off, m, 0, len);
            }
            if (nonlinear || next != null) {
                tl.load(p0, tb, 0, len);
            }
            if (nonlinear) {
                for (int i = 0; i < len; i++) {
                    // m = t ⊙ a, as multiply() computes it
                    double ar = m[2 * i];
                    double ai = m[2 * i + 1];
                    double tr = tb[2 * i];
                    double ti = tb[2 * i + 1];
                    double mr = ar * tr - ai * ti;
                    double mi = ar * ti + ai * tr;
                    double sIn = (mr * mr + mi * mi) * inv;
                    act.response(sIn, h);
                    // ∂w/∂m = h + s·h'
                    double jr = h[0] + sIn * h[2];
                    double ji = h[1] + sIn * h[3];
                    // ∂w/∂m* = m²·h'/I_ref
                    double m2r = (mr * mr - mi * mi) * inv;
                    double m2i = 2 * mr * mi * inv;
                    double kr = m2r * h[2] - m2i * h[3];
                    double ki = m2r * h[3] + m2i * h[2];
                    double vr = s[2 * i];
                    double vi = s[2 * i + 1];
                    // v·J + conj(v·K)
                    s[2 * i] = (vr * jr - vi * ji) + (vr * kr - vi * ki);
                    s[2 * i + 1] = (vr * ji + vi * jr) - (vr * ki + vi * kr);
                }
                v.store(off, s, 0, len);
            }
            if (acc != null) {
                dl.load((long) p0 * k, db, 0, len * k);
                accumulate(s, m, p0, len, db, 0, k, acc);
            }
            if (next != null) {
                multiply(s, tb, len);
                next.store(off, s, 0, len);
            }
        }
    }

    /** s[i] *= t[i] for {@code len} complex values (both blocks). */
    private static void multiply(double[] s, double[] t, int len) {
        for (int i = 0; i < len; i++) {
            double ar = s[2 * i];
            double ai = s[2 * i + 1];
            double tr = t[2 * i];
            double ti = t[2 * i + 1];
            s[2 * i] = ar * tr - ai * ti;
            s[2 * i + 1] = ar * ti + ai * tr;
        }
    }

    /** Runs the kernel for every item of the current batch in parallel (kernels use item b's own scratch). */
    private void forEachItem(java.util.function.IntConsumer k) {
        IntStream.range(0, n).parallel().forEach(k);
    }
}
