package org.phasor.sim;

import org.phasor.bench.Bench;
import org.phasor.bench.BenchCost;
import org.phasor.bench.BenchDescription;
import org.phasor.bench.ComplexFrames;
import org.phasor.bench.Direction;
import org.phasor.bench.Frames;
import org.phasor.bench.Injection;
import org.phasor.bench.IntensityObjective;
import org.phasor.bench.ReferenceArm;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.optics.Grid;
import org.phasor.optics.LinearOp;
import org.phasor.optics.element.InPlaneMotion;
import org.phasor.optics.propagation.FreeSpace;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A bench made of the model's own optics — the same {@link Propagator} (band-limited angular spectrum with ×2
 * zero padding) between the same planes — plus a hidden {@link Imperfections} profile: actual spacings differ
 * from the drawing, each SLM is shifted, rotated, aberrated, has its own response curve and crosstalk, the
 * input is lit by a Gaussian beam, the camera is noisy, and the alignment and reference phase drift with camera
 * time. Only the {@link Bench} operations reach any of it.
 *
 * <p>A gap may be replaced by hidden fixed optics the lab neither sees nor controls (a scattering medium behind
 * an SLM, a scattering wall in front of a hidden scene): an {@link LinearOp} path built from the same elements
 * and propagators, run forwards in the data pass and transposed in the reverse pass (reciprocity).
 *
 * <p>Optical passes are simulated once per distinct injection and device state and cached, so the repeated
 * captures of phase-shifting holography at several planes cost one propagation (a real lab pays one pass per
 * capture; {@link #cost()} counts that). A pass is propagated only as far as the captures so far have needed:
 * the reference track, measured where its flat field is injected, costs no propagation at all.
 */
public final class SimulatedBench implements Bench {
    private final BenchDescription nominal;
    private final Imperfections imp;
    private final Grid grid;
    private final int planes; // modulators + 2
    private final LinearOp[] gaps;
    private final SlmPlane[] slms;
    private final Realisation real;
    private final double[] illumination; // real amplitude on the input plane
    private final Camera camera;
    private final SplittableRandom noise;
    private final int[][] levels;
    private final double[][] transmission;
    private final double[][] shownPhase; // per modulator: pixel phases after response and crosstalk
    private final InPlaneMotion[] placement; // per modulator: where the panel really sits (shift, rotation, drift)
    private final double[] driftX;
    private final double[] driftY;
    private double referenceDrift;
    private ReferenceArm reference = ReferenceArm.BLOCKED;
    private double exposure = 1;
    private long passes;
    private long frames;
    private double seconds;
    private double secondsAtLastDrift;
    // the last two simulated passes (a holographic measurement of a data pass and the flat-field reference
    // track interleave; with one slot each would re-simulate the other)
    private long version;
    private Pass current;
    private Pass spare;

    public SimulatedBench(BenchDescription nominal, Imperfections imp, Propagator propagator) {
        this(nominal, imp, propagator, Map.of());
    }

    /**
     * @param hiddenGaps gap index (0 = input→modulator 1, …, L = modulator L→camera) → the fixed optics that
     *                   really fill that gap instead of the nominal free space (the distance error of the profile
     *                   does not apply to them); the bench description still publishes the nominal spacing
     */
    public SimulatedBench(BenchDescription nominal, Imperfections imp, Propagator propagator,
                          Map<Integer, ? extends LinearOp> hiddenGaps) {
        this.nominal = nominal;
        this.imp = imp;
        this.grid = Grid.of(nominal.nx(), nominal.ny(), nominal.pitch(), nominal.wavelength());
        int l = nominal.modulators();
        this.planes = l + 2;
        this.real = Realisation.draw(imp, l);
        double[] z = nominal.distances();
        this.gaps = new LinearOp[l + 1];
        for (int g = 0; g <= l; g++) {
            LinearOp hidden = hiddenGaps.get(g);
            if (hidden != null) {
                grid.requireSameSampling(hidden.grid(), "hidden optics in gap " + g);
            }
            gaps[g] = hidden != null ? hidden
                    : propagator.freeSpace(grid, z[g] * real.distanceFactor()[g], Method.BL_ASM, 2);
        }
        for (int g : hiddenGaps.keySet()) {
            if (g < 0 || g > l) {
                throw new IllegalArgumentException("hidden optics for gap " + g + ", bench has gaps 0.." + l);
            }
        }
        this.slms = new SlmPlane[l];
        this.levels = new int[l][];
        this.transmission = new double[l][];
        this.shownPhase = new double[l][];
        this.placement = new InPlaneMotion[l];
        for (int m = 0; m < l; m++) {
            slms[m] = new SlmPlane(nominal.nx(), nominal.ny(), nominal.levels(), imp, real.zernike()[m]);
            levels[m] = new int[nominal.planeSize()];
        }
        this.driftX = new double[l];
        this.driftY = new double[l];
        this.illumination = illumination(nominal, imp.illuminationWaist());
        this.camera = new Camera(imp);
        this.noise = new SplittableRandom(imp.seed() ^ 0x5DEECE66DL);
        for (int m = 0; m < l; m++) {
            updateTransmission(m);
        }
    }

    private static double[] illumination(BenchDescription d, double waist) {
        double[] a = new double[d.planeSize()];
        Arrays.fill(a, 1);
        if (waist > 0) {
            double w = waist * Math.min(d.nx(), d.ny()) / 2.0; // 1/e² intensity radius in pixels
            for (int y = 0; y < d.ny(); y++) {
                for (int x = 0; x < d.nx(); x++) {
                    double r2 = Math.pow(x - d.nx() / 2, 2) + Math.pow(y - d.ny() / 2, 2);
                    a[y * d.nx() + x] = Math.exp(-r2 / (w * w)); // amplitude: intensity falls as exp(−2r²/w²)
                }
            }
        }
        return a;
    }

    public Imperfections imperfections() {
        return imp;
    }

    @Override
    public BenchDescription describe() {
        return nominal;
    }

    @Override
    public void program(int modulator, int[] lv) {
        if (modulator < 1 || modulator > nominal.modulators()) {
            throw new IllegalArgumentException("no modulator " + modulator + " (bench has 1.." + nominal.modulators() + ")");
        }
        if (lv.length != nominal.planeSize()) {
            throw new IllegalArgumentException("modulator " + modulator + " takes " + nominal.planeSize()
                    + " levels, got " + lv.length);
        }
        for (int v : lv) {
            if (v < 0 || v >= nominal.levels()) {
                throw new IllegalArgumentException("modulator level " + v + " outside [0, " + nominal.levels() + ")");
            }
        }
        applyDrift();
        System.arraycopy(lv, 0, levels[modulator - 1], 0, lv.length);
        updateTransmission(modulator - 1);
        version++;
    }

    /** Advances the slow lateral drift by the camera time spent since the last update (all modulators move). */
    private void applyDrift() {
        double dt = seconds - secondsAtLastDrift;
        if (imp.driftShiftPxPerRootS() == 0 || dt <= 0) {
            return;
        }
        secondsAtLastDrift = seconds;
        double s = imp.driftShiftPxPerRootS() * Math.sqrt(dt);
        for (int m = 0; m < driftX.length; m++) {
            driftX[m] += s * Realisation.gaussian(noise);
            driftY[m] += s * Realisation.gaussian(noise);
            updateTransmission(m);
        }
        version++;
    }

    private void updateTransmission(int m) {
        shownPhase[m] = slms[m].blurredPhase(levels[m]);
        transmission[m] = slms[m].transmissionOfPhase(shownPhase[m]);
        double dx = real.shiftX()[m] + driftX[m];
        double dy = real.shiftY()[m] + driftY[m];
        InPlaneMotion p = placement[m];
        if (p == null || p.dx() != dx || p.dy() != dy || p.rotation() != real.rotation()[m]) {
            placement[m] = new InPlaneMotion(grid, dx, dy, real.rotation()[m]);
        }
    }

    /**
     * Light through modulator m as the lab has it: into the panel's frame, its pixels' transmission, back into the
     * lab frame — T·D·Tᵀ, its own transpose, so the same call serves both directions (reciprocity).
     */
    private void modulate(ComplexArray a, int m) {
        placement[m].applyTranspose(a);
        multiply(a, transmission[m]);
        placement[m].apply(a);
    }

    /** The loss of the exact (noise-free) output intensities and its gradient per modulator pixel phase. */
    record ExactGradient(double loss, double[][] gradient, double[] intensity) {
    }

    /**
     * The simulator's own adjoint: the exact gradient of {@code objective} of the noise-free output intensity with
     * respect to the phase each modulator pixel is driven to (before crosstalk), through the hidden spacings,
     * placements, aberrations, crosstalk and illumination. No lab can compute this — it is the ceiling a gradient
     * method could reach on this hardware, for {@link ExactTwinMethod} only. Linear networks only; costs no
     * passes, frames or camera time (it is not an experiment).
     */
    ExactGradient exactGradient(ComplexFrames inputs, IntensityObjective objective) {
        int batch = inputs.batch();
        int layers = nominal.modulators();
        int n = nominal.planeSize();
        ComplexArray a = ComplexArray.zeros(Precision.DOUBLE, batch, nominal.ny(), nominal.nx());
        a.store(0, inputs.reIm(), 0, (int) a.size());
        multiplyReal(a, illumination);
        ComplexArray[] arriving = new ComplexArray[layers]; // Tᵀw_p: the field arriving at modulator p, panel frame
        for (int p = 1; p <= layers; p++) {
            gaps[p - 1].apply(a);
            placement[p - 1].applyTranspose(a);
            arriving[p - 1] = a.copy();
            multiply(a, transmission[p - 1]);
            placement[p - 1].apply(a);
        }
        gaps[layers].apply(a);
        double[] o = new double[2 * batch * n];
        a.load(0, o, 0, batch * n);
        double[] intensity = new double[batch * n];
        for (int i = 0; i < batch * n; i++) {
            intensity[i] = o[2 * i] * o[2 * i] + o[2 * i + 1] * o[2 * i + 1];
        }
        double[] dLdI = new double[batch * n];
        double loss = objective.lossAndGradient(intensity, batch, n, dLdI);
        for (int i = 0; i < batch * n; i++) { // ∂L/∂o* = (∂L/∂I)·o
            o[2 * i] *= dLdI[i];
            o[2 * i + 1] *= dLdI[i];
        }
        a.store(0, o, 0, batch * n);
        double[][] grad = new double[layers][];
        for (int p = layers; p >= 1; p--) {
            int m = p - 1;
            gaps[p].applyAdjoint(a);       // ∂L/∂a_p*, lab frame
            placement[m].applyAdjoint(a);  // Tᴴ: into the panel frame
            double[] g = new double[2 * batch * n];
            double[] w = new double[2 * batch * n];
            a.load(0, g, 0, batch * n);
            arriving[m].load(0, w, 0, batch * n);
            double[] dLdD = new double[2 * n]; // ∂L/∂D_p* = Σ_b Tᴴ(∂L/∂a_p*) ⊙ conj(Tᵀw_p)
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < n; i++) {
                    int k = 2 * (b * n + i);
                    dLdD[2 * i] += g[k] * w[k] + g[k + 1] * w[k + 1];
                    dLdD[2 * i + 1] += g[k + 1] * w[k] - g[k] * w[k + 1];
                }
            }
            grad[m] = slms[m].phaseGradient(shownPhase[m], dLdD);
            double[] t = transmission[m];
            double[] tc = new double[t.length];
            for (int i = 0; i < n; i++) {
                tc[2 * i] = t[2 * i];
                tc[2 * i + 1] = -t[2 * i + 1];
            }
            multiply(a, tc);              // conj(D) ⊙ …
            placement[m].apply(a);        // (Tᵀ)ᴴ = T: back to the lab frame, ∂L/∂w_p*
        }
        return new ExactGradient(loss, grad, intensity);
    }

    @Override
    public void setReference(ReferenceArm r) {
        this.reference = r;
    }

    /** Longest exposure the simulated camera takes, relative to the nominal one. */
    static final double MAX_EXPOSURE = 1024;

    @Override
    public void setExposure(double relative) {
        if (!(relative > 0 && relative <= MAX_EXPOSURE)) {
            throw new IllegalArgumentException("camera exposure must be in (0, " + MAX_EXPOSURE
                    + "] times the nominal one, got " + relative);
        }
        this.exposure = relative;
    }

    @Override
    public Frames capture(Injection light, int plane) {
        int out = planes - 1;
        if (plane < 0 || plane > out || light.plane() < 0 || light.plane() > out) {
            throw new IllegalArgumentException("bench planes are 0.." + out + ", got capture at " + plane
                    + " of light injected at " + light.plane());
        }
        boolean ok = light.direction() == Direction.FORWARD ? plane >= light.plane() : plane <= light.plane();
        if (!ok) {
            throw new IllegalArgumentException(light.direction() + " light injected at plane " + light.plane()
                    + " never reaches plane " + plane);
        }
        ComplexFrames f = light.field();
        if (f.nx() != nominal.nx() || f.ny() != nominal.ny()) {
            throw new IllegalArgumentException("injected field is " + f.nx() + "x" + f.ny() + ", bench planes are "
                    + nominal.nx() + "x" + nominal.ny());
        }
        if (current == null || !current.holds(light, version)) {
            Pass p = spare; // the previous pass becomes the spare, so the next switch back costs nothing
            spare = current;
            current = p != null && p.holds(light, version) ? p : Pass.reuse(p, light, version, planes);
        }
        ComplexArray u = fieldAt(plane);
        int batch = f.batch();
        int n = nominal.planeSize();
        double[] values = new double[batch * n];
        double dt = batch * nominal.frameSeconds() * exposure;
        if (imp.driftPhaseRadPerRootS() > 0) {
            referenceDrift += imp.driftPhaseRadPerRootS() * Math.sqrt(dt) * Realisation.gaussian(noise);
        }
        double ra = reference.open() ? reference.amplitude() : 0;
        double rr = ra * Math.cos(reference.phase() + referenceDrift);
        double ri = ra * Math.sin(reference.phase() + referenceDrift);
        double exp = exposure;
        SplittableRandom[] rnd = new SplittableRandom[batch];
        for (int b = 0; b < batch; b++) {
            rnd[b] = noise.split();
        }
        IntStream.range(0, batch).parallel().forEach(b -> {
            double[] block = new double[2 * n];
            u.load((long) b * n, block, 0, n);
            for (int i = 0; i < n; i++) {
                double re = block[2 * i] + rr;
                double im = block[2 * i + 1] + ri;
                values[b * n + i] = re * re + im * im;
            }
            camera.read(values, b * n, n, exp, rnd[b]);
        });
        passes += batch;
        frames += batch;
        seconds += dt;
        return new Frames(batch, nominal.ny(), nominal.nx(), values, camera.fullScale(exposure));
    }

    /**
     * One optical pass of one injection at one device state: the field at every plane it has been propagated to
     * so far. Forward light from plane k has reached k..{@code reached}; reverse light k down to {@code reached},
     * with {@code carry} the field just past plane {@code reached} on its way down.
     */
    private static final class Pass {
        private Injection light;
        private long version;
        private ComplexArray[] buffers; // for the largest batch seen
        private ComplexArray[] at;      // views of them for this pass's batch
        private ComplexArray carry;
        private int reached;

        boolean holds(Injection l, long v) {
            return light == l && version == v;
        }

        /** A pass for {@code l}, reusing {@code old}'s buffers when they are large enough. */
        static Pass reuse(Pass old, Injection l, long v, int planes) {
            Pass p = old != null ? old : new Pass();
            int batch = l.batch();
            ComplexFrames f = l.field();
            if (p.buffers == null || p.buffers[0].batch() < batch) {
                p.buffers = new ComplexArray[planes];
                for (int q = 0; q < planes; q++) {
                    p.buffers[q] = ComplexArray.zeros(Precision.DOUBLE, batch, f.ny(), f.nx());
                }
            }
            p.at = new ComplexArray[planes];
            for (int q = 0; q < planes; q++) {
                p.at[q] = p.buffers[q].batch() == batch ? p.buffers[q] : p.buffers[q].items(0, batch);
            }
            p.light = l;
            p.version = v;
            p.carry = null;
            p.reached = -1;
            return p;
        }
    }

    /** Propagates the current pass on through the real bench until it has the field at {@code plane}. */
    private ComplexArray fieldAt(int plane) {
        Pass pass = current;
        Injection light = pass.light;
        int k = light.plane();
        ComplexArray[] at = pass.at;
        if (pass.reached < 0) {
            at[k].store(0, light.field().reIm(), 0, (int) at[k].size());
            if (light.direction() == Direction.FORWARD && k == 0) {
                multiplyReal(at[k], illumination);
            }
            pass.reached = k;
        }
        if (light.direction() == Direction.FORWARD) {
            for (int p = pass.reached + 1; p <= plane; p++) {
                at[p].copyFrom(at[p - 1]);
                gaps[p - 1].apply(at[p]);
                if (p <= nominal.modulators()) {
                    modulate(at[p], p - 1);
                }
                pass.reached = p;
            }
        } else {
            for (int p = pass.reached - 1; p >= plane; p--) {
                if (pass.carry == null) { // leaving the injection plane: through its modulator, if it has one
                    pass.carry = at[k].copy();
                    if (k >= 1 && k <= nominal.modulators()) {
                        modulate(pass.carry, k - 1);
                    }
                }
                ComplexArray carry = pass.carry;
                gaps[p].applyTranspose(carry);
                at[p].copyFrom(carry);
                if (p >= 1) {
                    modulate(carry, p - 1);
                }
                pass.reached = p;
            }
        }
        return at[plane];
    }

    private static void multiply(ComplexArray a, double[] t) {
        int n = a.itemSize();
        IntStream.range(0, a.batch()).parallel().forEach(b -> {
            double[] block = new double[2 * n];
            a.load((long) b * n, block, 0, n);
            for (int i = 0; i < n; i++) {
                double re = block[2 * i];
                double im = block[2 * i + 1];
                block[2 * i] = re * t[2 * i] - im * t[2 * i + 1];
                block[2 * i + 1] = re * t[2 * i + 1] + im * t[2 * i];
            }
            a.store((long) b * n, block, 0, n);
        });
    }

    private static void multiplyReal(ComplexArray a, double[] amp) {
        int n = a.itemSize();
        IntStream.range(0, a.batch()).parallel().forEach(b -> {
            double[] block = new double[2 * n];
            a.load((long) b * n, block, 0, n);
            for (int i = 0; i < n; i++) {
                block[2 * i] *= amp[i];
                block[2 * i + 1] *= amp[i];
            }
            a.store((long) b * n, block, 0, n);
        });
    }

    @Override
    public BenchCost cost() {
        return new BenchCost(passes, frames, seconds);
    }
}
