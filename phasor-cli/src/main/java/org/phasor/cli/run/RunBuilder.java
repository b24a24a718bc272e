package org.phasor.cli.run;

import org.phasor.data.DataSplit;
import org.phasor.data.Datasets;
import org.phasor.data.ImageEncoder;
import org.phasor.model.Encoder;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackend;
import org.phasor.model.Activation;
import org.phasor.model.DiffractiveNetwork;
import org.phasor.model.Modulation;
import org.phasor.model.Params;
import org.phasor.model.Readout;
import org.phasor.model.SlmModulation;
import org.phasor.optics.Grid;
import org.phasor.optics.detect.DetectorRegions;
import org.phasor.optics.propagation.Method;
import org.phasor.optics.propagation.Propagator;
import org.phasor.train.InSilicoMethod;
import org.phasor.train.GradientMethod;
import org.phasor.train.loss.ClassificationLoss;
import org.phasor.train.loss.OneHotMse;
import org.phasor.train.loss.SoftmaxCrossEntropy;
import org.phasor.train.optim.Adam;
import org.phasor.train.optim.LearningRateSchedule;
import org.phasor.train.optim.Optimizer;
import org.phasor.train.optim.ParameterConstraint;
import org.phasor.train.optim.Sgd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Turns a validated {@link RunConfig} into the objects of a run: grid, network, encoder, data, loss, optimiser. */
public final class RunBuilder {
    private final RunConfig c;

    public RunBuilder(RunConfig c) {
        this.c = c;
    }

    public RunConfig config() {
        return c;
    }

    public Precision precision() {
        try {
            return Precision.parse(c.precision);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key precision: " + e.getMessage());
        }
    }

    public Grid grid() {
        return Grid.square(c.optics.grid, c.optics.pitch, c.optics.wavelength);
    }

    public Method method() {
        try {
            return Method.parse(c.optics.method);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key optics.method: " + e.getMessage());
        }
    }

    public DetectorRegions detectors() {
        try {
            return DetectorRegions.tenClass343(grid(), c.detectorSize(), c.detectorGap());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config keys detectors.size/gap: " + e.getMessage());
        }
    }

    public Modulation modulation() {
        if (c.network.modulation.equals("slm")) {
            return SlmModulation.linear(c.network.slm_levels, 2 * Math.PI);
        }
        try {
            return Modulation.parse(c.network.modulation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key network.modulation: " + e.getMessage());
        }
    }

    public Activation activation() {
        try {
            return Activation.parse(c.network.activation, c.network.activation_intensity, c.network.optical_depth);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key network.activation: " + e.getMessage());
        }
    }

    /** Distances: [input → layer 1, layer 1 → 2, …, layer L → detector], metres. */
    public double[] distances() {
        double[] d = new double[c.network.layers + 1];
        java.util.Arrays.fill(d, c.network.distance);
        d[c.network.layers] = c.outputDistance();
        return d;
    }

    /** The network; the activation follows every layer but the last (the detector measures intensity anyway). */
    public DiffractiveNetwork network(Propagator prop) {
        Grid g = grid();
        Method m = method();
        Modulation mod = modulation();
        Activation act = activation();
        double[] d = distances();
        List<DiffractiveNetwork.Layer> layers = new ArrayList<>();
        for (int l = 0; l < c.network.layers; l++) {
            boolean last = l == c.network.layers - 1;
            layers.add(new DiffractiveNetwork.Layer(prop.freeSpace(g, d[l], m, c.optics.padding), mod,
                    last ? Activation.NONE : act));
        }
        return new DiffractiveNetwork(g, layers, prop.freeSpace(g, d[c.network.layers], m, c.optics.padding),
                readout(detectors()));
    }

    public static Readout readout(DetectorRegions regions) {
        List<Readout.Region> rs = new ArrayList<>();
        for (var r : regions.regions()) {
            rs.add(new Readout.Region(r.x0(), r.y0(), r.width(), r.height()));
        }
        return new Readout(regions.grid().nx(), regions.grid().ny(), rs);
    }

    public Propagator propagator(FftBackend backend, Consumer<String> warnings) {
        return new Propagator(backend, warnings);
    }

    /** Side of the input object in grid pixels. */
    public int objectSize() {
        return c.encoding.object_size > 0 ? c.encoding.object_size : 28 * c.encoding.upsample;
    }

    public ImageEncoder imageEncoder() {
        ImageEncoder.Kind kind;
        ImageEncoder.Interpolation interp;
        try {
            kind = ImageEncoder.Kind.parse(c.encoding.type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key encoding.type: " + e.getMessage());
        }
        try {
            interp = ImageEncoder.Interpolation.parse(c.encoding.interpolation);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key encoding.interpolation: " + e.getMessage());
        }
        return new ImageEncoder(kind, objectSize(), interp, Math.PI);
    }

    public Encoder encoder() {
        return imageEncoder()::encode;
    }

    public ClassificationLoss loss() {
        return switch (c.training.loss) {
            case "cross-entropy" -> SoftmaxCrossEntropy.normalised(c.training.loss_scale);
            case "mse" -> new OneHotMse(true);
            default -> throw new IllegalArgumentException("config key training.loss: unknown loss '" + c.training.loss
                    + "' (expected cross-entropy or mse)");
        };
    }

    public Params initialParams(DiffractiveNetwork net) {
        return net.randomParams(c.seed, c.network.init_spread);
    }

    public GradientMethod method(DiffractiveNetwork net) {
        if (!c.training.method.equals("in-silico")) {
            throw new IllegalArgumentException("config key training.method: unknown method '" + c.training.method
                    + "' (this command trains in-silico; bench methods run with phasor grad)");
        }
        return new InSilicoMethod(net, encoder(), loss(), c.training.batch_size, precision());
    }

    public Optimizer optimizer(Params init, int batchesPerEpoch) {
        int[] sizes = new int[init.layerCount()];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = init.layer(l).length;
        }
        long total = (long) batchesPerEpoch * c.training.epochs;
        LearningRateSchedule s = switch (c.training.schedule) {
            case "constant" -> LearningRateSchedule.constant(c.training.lr);
            case "cosine" -> LearningRateSchedule.cosine(c.training.lr, total, c.training.min_lr);
            case "step" -> LearningRateSchedule.step(c.training.lr, (long) batchesPerEpoch * c.training.step_epochs, c.training.gamma);
            default -> throw new IllegalArgumentException("config key training.schedule: unknown schedule '"
                    + c.training.schedule + "' (expected constant, cosine or step)");
        };
        List<ParameterConstraint> cons = new ArrayList<>();
        for (int l = 0; l < sizes.length; l++) {
            cons.add(switch (c.network.modulation) {
                case "phase" -> new ParameterConstraint.PhaseWrap();
                case "slm" -> new ParameterConstraint.Clamp(0, c.network.slm_levels - 1);
                case "amplitude" -> new ParameterConstraint.Clamp(0, 1);
                default -> ParameterConstraint.NONE;
            });
        }
        return switch (c.training.optimizer) {
            case "adam" -> new Adam(sizes, s, Adam.DEFAULTS, cons);
            case "sgd" -> new Sgd(sizes, s, c.training.momentum, false, cons);
            default -> throw new IllegalArgumentException("config key training.optimizer: unknown optimiser '"
                    + c.training.optimizer + "' (expected adam or sgd)");
        };
    }

    /** Loads the dataset named by the config (relative dirs against {@code base}), applying the limits. */
    public DataSplit data(Path base, Consumer<String> notice) throws IOException {
        DataSplit split;
        Path dir = c.data.dir == null ? null : base.resolve(c.data.dir);
        if (dir != null && !Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir + " (config key data.dir)");
        }
        switch (c.data.dataset) {
            case "fashion-mnist" -> {
                Datasets.Preference pref;
                try {
                    pref = Datasets.Preference.parse(c.data.source);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("config key data.source: " + e.getMessage());
                }
                split = Datasets.fashionMnist(dir, pref, notice);
            }
            case "mnist" -> split = Datasets.mnist(dir, notice);
            default -> throw new IllegalArgumentException("config key data.dataset: unknown dataset '" + c.data.dataset
                    + "' (expected fashion-mnist or mnist)");
        }
        var train = split.train();
        var test = split.test();
        if (c.data.train_limit > 0 && c.data.train_limit < train.size()) {
            train = train.head(c.data.train_limit);
        }
        if (c.data.test_limit > 0 && c.data.test_limit < test.size()) {
            test = test.head(c.data.test_limit);
        }
        try {
            imageEncoder().requireFits(train.rows(), train.cols(), c.optics.grid, c.optics.grid);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config keys encoding/optics.grid: " + e.getMessage());
        }
        return new DataSplit(train, test, split.source());
    }
}
