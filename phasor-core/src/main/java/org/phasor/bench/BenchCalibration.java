package org.phasor.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a method needs to talk to a bench in its own units, measured by procedures on the bench itself:
 * per modulator, the level→phase response ({@link PhaseCalibration}), the camera↔modulator registration
 * ({@link Registration}) and the pixel crosstalk ({@link CrosstalkCalibration}). {@link #nominal} is what the data
 * sheets claim (linear response, perfect alignment, no crosstalk).
 *
 * <p>Mapping conventions (documented because they are part of each method): a method's parameters are the
 * phases it wants on each modulator pixel; {@link #levels} turns them into device levels through the inverse
 * response; a gradient is formed from fields measured on the camera grid by {@link #phaseGradient} (the fields
 * moved onto the modulator's pixels through the registration, the gradient taken back through the crosstalk).
 * With {@link #placements} other than {@link Placement#NONE} the parameters are moved (by whole pixels, or
 * interpolated) on their way to the panel and the gradient is moved back ({@link #following}: a mask that follows
 * its creeping panel).
 */
public record BenchCalibration(List<PhaseResponse> responses, List<AffineMap> registrations, BenchCost cost,
                               List<Placement> placements, List<Crosstalk> crosstalk) {

    public BenchCalibration {
        responses = List.copyOf(responses);
        registrations = List.copyOf(registrations);
        placements = List.copyOf(placements);
        crosstalk = List.copyOf(crosstalk);
        if (placements.size() != registrations.size() || responses.size() != registrations.size()
                || crosstalk.size() != registrations.size()) {
            throw new IllegalArgumentException("calibration: " + responses.size() + " responses, "
                    + registrations.size() + " registrations, " + placements.size() + " placements and "
                    + crosstalk.size() + " crosstalk widths");
        }
    }

    /** A calibration whose parameters sit on the modulator pixels as they are, with no crosstalk measured. */
    public BenchCalibration(List<PhaseResponse> responses, List<AffineMap> registrations, BenchCost cost) {
        this(responses, registrations, cost, java.util.Collections.nCopies(registrations.size(), Placement.NONE),
                java.util.Collections.nCopies(registrations.size(), Crosstalk.NONE));
    }

    /**
     * This calibration with each mask placed to follow its panel's creep since {@code anchor} (the calibration the
     * parameters were trained from at first): the creep is the move of the panel's centre between the two
     * registrations, and {@code previous}'s placements are kept while within {@code hysteresis} pixels of it
     * ({@link Placement#following}; 0: each mask moved by the creep itself, fractions of a pixel interpolated). The
     * mask then stays within about a pixel of where the rest of the bench learned to expect it (with 0, where it
     * was), however far the panel creeps; the gradient is mapped back through the same move.
     */
    public BenchCalibration following(BenchCalibration anchor, BenchCalibration previous, int nx, int ny,
                                      double hysteresis) {
        List<Placement> moved = new ArrayList<>();
        double cx = (nx - 1) / 2.0;
        double cy = (ny - 1) / 2.0;
        for (int m = 0; m < registrations.size(); m++) {
            AffineMap now = registrations.get(m);
            AffineMap then = anchor.registrations().get(m);
            moved.add(previous.placements().get(m).following(now.x(cx, cy) - then.x(cx, cy),
                    now.y(cx, cy) - then.y(cx, cy), hysteresis));
        }
        return new BenchCalibration(responses, registrations, cost, moved, crosstalk);
    }
    public static BenchCalibration nominal(BenchDescription d) {
        List<PhaseResponse> r = new ArrayList<>();
        List<AffineMap> a = new ArrayList<>();
        for (int m = 0; m < d.modulators(); m++) {
            r.add(PhaseResponse.linear(d.levels()));
            a.add(AffineMap.IDENTITY);
        }
        return new BenchCalibration(r, a, BenchCost.ZERO);
    }

    /**
     * Runs the calibration procedures on every modulator.
     *
     * @param stride level sampling of the response measurement (8 → 33 levels per modulator)
     * @param search registration search radius in pixels
     */
    public static BenchCalibration measure(Bench bench, Holography holo, int stride, int search) {
        return measure(bench, holo, stride, search, nominal(bench.describe()).registrations());
    }

    /**
     * The same procedures on a bench calibrated before: every modulator's calibration spots are looked for where
     * this calibration's registration puts them (a bench that crept over a long run is still found).
     */
    public BenchCalibration remeasured(Bench bench, Holography holo, int stride, int search) {
        return measure(bench, holo, stride, search, registrations);
    }

    private static BenchCalibration measure(Bench bench, Holography holo, int stride, int search,
                                            List<AffineMap> expected) {
        BenchCost before = bench.cost();
        BenchDescription d = bench.describe();
        List<PhaseResponse> r = new ArrayList<>();
        List<AffineMap> a = new ArrayList<>();
        List<Crosstalk> x = new ArrayList<>();
        for (int m = 1; m <= d.modulators(); m++) {
            PhaseResponse resp = PhaseCalibration.measure(bench, holo, m, stride);
            AffineMap map = Registration.measure(bench, holo, m, resp, search, expected.get(m - 1));
            r.add(resp);
            a.add(map);
            x.add(CrosstalkCalibration.measure(bench, holo, m, resp, map));
        }
        return new BenchCalibration(r, a, bench.cost().minus(before),
                java.util.Collections.nCopies(a.size(), Placement.NONE), x);
    }

    /**
     * The same measured responses with every modulator registered afresh ({@link Registration}, 2 holographic
     * measurements per modulator, each spot looked for where this registration puts it): what a lab repeats as the
     * mounts creep. The response of an LC panel does not
     * drift on these time scales, so re-measuring it would be waste.
     */
    public BenchCalibration reregistered(Bench bench, Holography holo, int search) {
        BenchCost before = bench.cost();
        List<AffineMap> a = new ArrayList<>();
        for (int m = 1; m <= bench.describe().modulators(); m++) {
            a.add(Registration.measure(bench, holo, m, responses.get(m - 1), search, registrations.get(m - 1)));
        }
        return new BenchCalibration(responses, a, bench.cost().minus(before),
                java.util.Collections.nCopies(a.size(), Placement.NONE), crosstalk);
    }

    /** Device levels for wanted phases on modulator {@code modulator} (1-based; nx×ny, row-major), as placed. */
    public int[] levels(int modulator, double[] phases, int nx, int ny) {
        if (phases.length != nx * ny) {
            throw new IllegalArgumentException("modulator " + modulator + ": " + phases.length + " phases for a "
                    + nx + "x" + ny + " plane");
        }
        return responses.get(modulator - 1).levelsFor(placements.get(modulator - 1).onPixels(phases, nx, ny));
    }

    /**
     * ∂L/∂φ over modulator {@code modulator}'s parameters (1-based) from two fields measured on the camera grid,
     * {@code after} just after the modulator and {@code arriving} at it from behind (interleaved, {@code batch}
     * items of nx×ny): each field is first moved onto the modulator's pixels through the measured registration
     * ({@link PanelFrame}), then −2·Im(after ⊙ arriving) is summed over the batch (∂L/∂ the phase the panel
     * shows), taken back through the measured crosstalk blur (its transpose: ∂L/∂ the programmed phase) and
     * moved back through the placement. Resampling the fields, not their product, keeps the gradient of a rough
     * mask right.
     */
    public double[] phaseGradient(int modulator, double[] after, double[] arriving, int batch, int nx, int ny) {
        AffineMap m = registrations.get(modulator - 1);
        double[] u = PanelFrame.pull(m, after, batch, nx, ny);
        double[] v = PanelFrame.pull(m, arriving, batch, nx, ny);
        double[] shown = FullyForward.phaseGradient(u, v, batch, nx * ny); // ∂L/∂(the phase the panel shows)
        double[] programmed = crosstalk.get(modulator - 1).transpose(shown, nx, ny);
        return placements.get(modulator - 1).toParams(programmed, nx, ny);
    }
}
