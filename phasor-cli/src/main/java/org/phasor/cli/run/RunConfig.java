package org.phasor.cli.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The training config file ({@code phasor train CONFIG.yaml}): every key, its unit and default. Unknown keys are
 * errors naming the key; {@link #validate()} checks values and names the key at fault. SI units (metres).
 * A commented example of every key is {@code configs/fmnist-d2nn-5layer.yaml}.
 *
 * <p>These are Jackson data-binding classes (public fields with defaults); the resolved config (defaults filled
 * in) is written to the run directory as {@code config.yaml}.
 */
@JsonPropertyOrder({"name", "seed", "precision", "data", "optics", "encoding", "network", "detectors", "training"})
public final class RunConfig {
    /** A short name for the run (figures, logs). */
    public String name = "d2nn";
    /** Seed of everything random: initial masks, sample order. */
    public long seed = 1;
    /** Field storage precision: single (complex64) or double (complex128). */
    public String precision = "single";
    public Data data = new Data();
    public Optics optics = new Optics();
    public Encoding encoding = new Encoding();
    public Network network = new Network();
    public Detectors detectors = new Detectors();
    public Training training = new Training();

    public static final class Data {
        /** fashion-mnist or mnist. */
        public String dataset = "fashion-mnist";
        /** auto (full dataset when installed, else the shipped subset), full, or subset. */
        public String source = "auto";
        /** Directory with the four IDX files (overrides source); relative to the working directory. */
        public String dir = null;
        /** Use only the first N training samples (0 = all). */
        public int train_limit = 0;
        /** Use only the first N test samples (0 = all). */
        public int test_limit = 0;
    }

    public static final class Optics {
        /** Vacuum wavelength, metres. */
        public double wavelength = 532e-9;
        /** Modulator pixel pitch = simulation pitch, metres. */
        public double pitch = 8e-6;
        /** Grid size in pixels (square). */
        public int grid = 120;
        /** Propagation method: asm, bl-asm, fresnel or auto. */
        public String method = "bl-asm";
        /** Zero-padding factor of the propagator: 1 (circular) or 2 (linear convolution). */
        public int padding = 2;
    }

    public static final class Encoding {
        /** amplitude (u = v), intensity (u = sqrt v) or phase (u = exp(iπv)). */
        public String type = "amplitude";
        /** Grid pixels per image pixel along each axis (used when object_size is 0). */
        public int upsample = 3;
        /** Side of the input object on the grid, pixels (0 = upsample × 28, the MNIST image size). */
        public int object_size = 0;
        /** nearest (each image pixel a block, as an SLM shows it) or bilinear. */
        public String interpolation = "nearest";
    }

    public static final class Network {
        /** Number of modulation layers L (≥ 1). */
        public int layers = 5;
        /** Distance between consecutive planes (input → layer 1, layer l → l+1), metres. */
        public double distance = 12e-3;
        /** Distance from the last layer to the detector plane, metres (default: same as distance). */
        public Double output_distance = null;
        /** phase, slm, amplitude or complex. */
        public String modulation = "phase";
        /** SLM levels for modulation: slm (linear LUT over 2π). */
        public int slm_levels = 256;
        /** none, kerr, saturable or saturable-2level (after every layer except the last). */
        public String activation = "none";
        /** Intensity scale of the activation (same units as |field|², input amplitudes are ≤ 1). */
        public double activation_intensity = 1.0;
        /** Optical depth α₀L of the two-level saturable absorber. */
        public double optical_depth = 2.0;
        /** Initial masks: uniform noise of this spread around identity (radians for phase; 0 = identity). */
        public double init_spread = 0.0;
    }

    public static final class Detectors {
        /** Region layout: 3-4-3 (ten classes). */
        public String layout = "3-4-3";
        /** Square region side, pixels (0 = grid/10). */
        public int size = 0;
        /** Gap between regions, pixels (default: equal to size). */
        public Integer gap = null;
    }

    public static final class Training {
        /** Gradient method: in-silico (the bench adds ffm, pat, pso). */
        public String method = "in-silico";
        public int epochs = 10;
        public int batch_size = 32;
        /** cross-entropy (softmax on normalised region energies) or mse (one-hot). */
        public String loss = "cross-entropy";
        /** Inverse temperature of the cross-entropy on normalised energies. */
        public double loss_scale = 10;
        /** adam or sgd. */
        public String optimizer = "adam";
        public double lr = 0.05;
        /** SGD momentum. */
        public double momentum = 0.9;
        /** constant, cosine (to min_lr) or step (×gamma every step_epochs). */
        public String schedule = "constant";
        public double min_lr = 0.0;
        public double gamma = 0.5;
        public int step_epochs = 1;
        /** Checkpoint every N batches (0 = only at epoch ends). */
        public int checkpoint_every = 100;
    }

    /** Checks values; throws a one-line error naming the key. */
    public void validate() {
        require(optics.wavelength > 0 && Double.isFinite(optics.wavelength), "optics.wavelength", optics.wavelength, "a positive length in metres");
        require(optics.pitch > 0 && Double.isFinite(optics.pitch), "optics.pitch", optics.pitch, "a positive length in metres");
        require(optics.grid >= 4, "optics.grid", optics.grid, "at least 4 pixels");
        require(optics.padding == 1 || optics.padding == 2, "optics.padding", optics.padding, "1 or 2");
        require(encoding.upsample >= 1, "encoding.upsample", encoding.upsample, "≥ 1");
        require(encoding.object_size >= 0, "encoding.object_size", encoding.object_size, "≥ 0 pixels");
        require(network.layers >= 1, "network.layers", network.layers, "at least 1 layer");
        require(network.distance > 0 && Double.isFinite(network.distance), "network.distance", network.distance, "a positive distance in metres");
        require(outputDistance() > 0 && Double.isFinite(outputDistance()), "network.output_distance", outputDistance(), "a positive distance in metres");
        require(network.slm_levels >= 2, "network.slm_levels", network.slm_levels, "≥ 2");
        require(network.activation_intensity > 0, "network.activation_intensity", network.activation_intensity, "> 0");
        require(network.init_spread >= 0, "network.init_spread", network.init_spread, "≥ 0");
        require(detectors.size >= 0, "detectors.size", detectors.size, "≥ 0 pixels");
        require(detectors.gap == null || detectors.gap >= 0, "detectors.gap", detectors.gap, "≥ 0 pixels");
        require("3-4-3".equals(detectors.layout), "detectors.layout", detectors.layout, "3-4-3");
        require(training.epochs >= 1, "training.epochs", training.epochs, "≥ 1");
        require(training.batch_size >= 1, "training.batch_size", training.batch_size, "≥ 1");
        require(training.lr > 0, "training.lr", training.lr, "> 0");
        require(training.loss_scale > 0, "training.loss_scale", training.loss_scale, "> 0");
        require(training.checkpoint_every >= 0, "training.checkpoint_every", training.checkpoint_every, "≥ 0");
        require(data.train_limit >= 0, "data.train_limit", data.train_limit, "≥ 0");
        require(data.test_limit >= 0, "data.test_limit", data.test_limit, "≥ 0");
    }

    public double outputDistance() {
        return network.output_distance == null ? network.distance : network.output_distance;
    }

    public int detectorSize() {
        return detectors.size == 0 ? Math.max(1, optics.grid / 10) : detectors.size;
    }

    public int detectorGap() {
        return detectors.gap == null ? detectorSize() : detectors.gap;
    }

    private static void require(boolean ok, String key, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("config key " + key + " = " + value + ": expected " + expected);
        }
    }
}
