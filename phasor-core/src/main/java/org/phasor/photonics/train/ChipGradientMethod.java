package org.phasor.photonics.train;

import org.phasor.model.Params;
import org.phasor.photonics.CoreAccess;
import org.phasor.photonics.NetworkPass;
import org.phasor.photonics.NetworkShape;
import org.phasor.photonics.PhotonicModel;
import org.phasor.photonics.TwinModel;
import org.phasor.photonics.bench.BenchAccess;
import org.phasor.photonics.bench.ChipBench;
import org.phasor.photonics.bench.CoherentDetection;
import org.phasor.train.Batch;
import org.phasor.train.Cost;
import org.phasor.train.EvalResult;
import org.phasor.train.GradientMethod;
import org.phasor.train.StepResult;

import java.util.function.Function;

/**
 * A photonic chip behind the shared {@link GradientMethod} interface, so the project's
 * {@link org.phasor.train.Trainer} (epochs, optimiser, checkpoints, metrics) trains chips exactly like
 * free-space networks. {@link Params#layers()} are the heater settings of each core.
 * <ul>
 * <li>{@code in-silico}: model forward and backward; {@link #evaluate} on the model too (deploy by
 * evaluating the result with an {@code ffm} method on the chip, which evaluates on the chip);</li>
 * <li>{@code ffm}: both passes measured on the chip;</li>
 * <li>{@code pat}: chip forward, model backward.</li>
 * </ul>
 * Cost: a data pass and an error pass per sample per core; frames are the chip's detector read-outs.
 */
public final class ChipGradientMethod implements GradientMethod {
    private final String name;
    private final NetworkShape shape;
    private final ChipBench bench;
    private final TwinModel model;
    private final CoreAccess chip;
    private final Function<Batch, double[][]> encoder;
    private final NetworkPass pass;

    /**
     * @param name    "in-silico", "ffm" or "pat"
     * @param bench   the chip (may be null for in-silico)
     * @param encoder batch → input fields of the first core
     */
    public ChipGradientMethod(String name, NetworkShape shape, ChipBench bench, CoherentDetection detection,
                              Function<Batch, double[][]> encoder) {
        this(name, shape, bench, detection, null, encoder);
    }

    /**
     * @param twin the model that in-silico trains on and PAT differentiates (null: the nominal model; e.g. a
     *             {@link org.phasor.photonics.CalibratedModel} from {@link org.phasor.photonics.bench.ChipCalibration})
     */
    public ChipGradientMethod(String name, NetworkShape shape, ChipBench bench, CoherentDetection detection,
                              TwinModel twin, Function<Batch, double[][]> encoder) {
        if (!name.equals("in-silico") && !name.equals("ffm") && !name.equals("pat")) {
            throw new IllegalArgumentException("unknown chip gradient method '" + name + "' (in-silico, ffm, pat)");
        }
        if (!name.equals("in-silico") && bench == null) {
            throw new IllegalArgumentException(name + " needs a chip bench");
        }
        this.name = name;
        this.shape = shape;
        this.bench = bench;
        this.model = twin != null ? twin : new PhotonicModel(shape);
        this.chip = bench == null ? null : new BenchAccess(bench, new PhotonicModel(shape), detection);
        this.encoder = encoder;
        this.pass = new NetworkPass(shape);
    }

    @Override
    public String name() {
        return name;
    }

    private void program(Params params, boolean onChip) {
        if (params.layerCount() != shape.cores()) {
            throw new IllegalArgumentException("the chip has " + shape.cores() + " cores, params have " + params.layerCount() + " layers");
        }
        for (int c = 0; c < shape.cores(); c++) {
            model.program(c, params.layer(c));
            if (onChip) {
                bench.program(c, params.layer(c));
            }
        }
    }

    @Override
    public StepResult step(Params params, Batch batch) {
        boolean onChip = !name.equals("in-silico");
        program(params, onChip);
        long frames0 = onChip ? bench.cost().frames() : 0;
        double[][] x = encoder.apply(batch);
        double[][] grads = new double[shape.cores()][];
        for (int c = 0; c < grads.length; c++) {
            grads[c] = new double[shape.heaters(c)];
        }
        double loss;
        switch (name) {
            case "ffm" -> {
                loss = pass.forward(chip, x, batch.labels());
                pass.backward(chip, grads);
            }
            case "pat" -> {
                loss = pass.forward(chip, x, batch.labels());
                pass.retap(model);
                pass.backward(model, grads);
            }
            default -> {
                loss = pass.forward(model, x, batch.labels());
                pass.backward(model, grads);
            }
        }
        if (!name.equals("ffm")) {
            for (int c = 0; c < grads.length; c++) {
                grads[c] = model.settingsGradient(c, grads[c]);
            }
        }
        long passes = (long) batch.size() * shape.cores();
        Cost cost = new Cost(passes, name.equals("pat") ? 0 : passes, onChip ? bench.cost().frames() - frames0 : 0);
        return new StepResult(loss, grads, correct(batch), batch.size(), cost);
    }

    @Override
    public EvalResult evaluate(Params params, Batch batch) {
        boolean onChip = !name.equals("in-silico");
        program(params, onChip);
        long frames0 = onChip ? bench.cost().frames() : 0;
        double loss = pass.forward(onChip ? chip : model, encoder.apply(batch), batch.labels());
        double[][] probs = pass.probabilities();
        double[] scores = new double[batch.size() * shape.classes()];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(probs[i], 0, scores, i * shape.classes(), shape.classes());
        }
        Cost cost = new Cost((long) batch.size() * shape.cores(), 0, onChip ? bench.cost().frames() - frames0 : 0);
        return new EvalResult(loss, correct(batch), batch.size(), pass.predictions(), scores, shape.classes(), cost);
    }

    private int correct(Batch batch) {
        int[] p = pass.predictions();
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            ok += p[i] == batch.labels()[i] ? 1 : 0;
        }
        return ok;
    }
}
