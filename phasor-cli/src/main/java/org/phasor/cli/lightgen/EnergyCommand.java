package org.phasor.cli.lightgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.phasor.cli.FftOption;
import org.phasor.math.Precision;
import org.phasor.optics.propagation.Propagator;
import org.phasor.task.generative.LightgenExperiment;
import org.phasor.task.generative.OpticalVae;
import org.phasor.task.generative.OpticalVaeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code phasor energy CONFIG}: equivalent operations, optical latency, device-limited throughput and energy per
 * generated image of the optical decoder, from device figures with sources in a YAML file; and, in the same
 * run, the time this machine takes to simulate the same decoder.
 *
 * <p>Operation conventions (both printed): <b>dense</b> — each plane-to-plane diffraction step is a dense N×N
 * complex matrix–vector product (N = grid²), 4N² real multiply-adds = 8N² operations, the convention behind
 * most optical-computing TOPS figures; <b>FFT</b> — the same step computed by angular spectrum, two N-point
 * FFTs (5·N·log₂N real operations each) plus N complex products (6N), what a digital simulator actually does.
 */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = "Energy and latency model of the optical generator (device figures with sources in CONFIG).")
public final class EnergyCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "YAML file, e.g. configs/lightgen-energy.yaml")
    Path config;
    @Option(names = "--no-simulation", description = "skip timing the simulated decoder")
    boolean noSimulation;
    @Mixin
    FftOption fft;

    private static final double C = 299_792_458.0;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(config)) {
            throw new NoSuchFileException(config.toString());
        }
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(config.toFile());
        JsonNode net = need(root, "network");
        int grid = need(net, "grid").asInt();
        int layers = need(net, "encoder_layers").asInt() + need(net, "decoder_layers").asInt();
        int decLayers = need(net, "decoder_layers").asInt();
        int image = need(net, "image").asInt();
        int channels = need(net, "channels").asInt();
        double distance = need(net, "distance").asDouble();
        double pitch = need(net, "pitch").asDouble();
        JsonNode dev = need(root, "devices");
        double n = (double) grid * grid;
        int steps = decLayers + 1; // generation: decoder only, emitter plane → layers → camera
        double dense = steps * 8 * n * n;
        double fftOps = steps * (2 * 5 * n * (Math.log(n) / Math.log(2)) + 6 * n);
        double latency = steps * distance / C;
        double inputRate = need(need(dev, "latent_source"), "rate_hz").asDouble();
        double cameraRate = need(need(dev, "camera"), "rate_hz").asDouble();
        double rate = Math.min(inputRate, cameraRate);
        double power = 0;
        StringBuilder devices = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = dev.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double p = need(e.getValue(), "power_w").asDouble();
            power += p;
            devices.append(String.format(Locale.ROOT, "  %-20s %8.3f W  (%s)%n", e.getKey(), p,
                    e.getValue().path("source").asText("no source given")));
        }
        double energy = power / rate;
        System.out.printf(Locale.ROOT, "optical generator: %d² grid, %d decoder layer(s) (%d with encoder), %dx%d images, K=%d%n",
                grid, decLayers, layers, image, image, channels);
        System.out.print(devices);
        System.out.printf(Locale.ROOT, "equivalent operations per image: %.3g (dense convention), %.3g (FFT convention)%n", dense, fftOps);
        System.out.printf(Locale.ROOT, "optical latency (light path %d × %.3g m): %.3g s%n", steps, distance, latency);
        System.out.printf(Locale.ROOT, "throughput: %.3g images/s, limited by %s (latent source %.3g Hz, camera %.3g Hz)%n",
                rate, inputRate <= cameraRate ? "the latent source" : "the camera", inputRate, cameraRate);
        System.out.printf(Locale.ROOT, "energy per image: %.3g J (%.3g W total device power / %.3g images/s); "
                + "%.3g equivalent dense operations per joule%n", energy, power, rate, dense / energy);
        System.out.printf(Locale.ROOT, "if input and camera ran at the optical latency limit: %.3g images/s%n", 1 / latency);
        if (!noSimulation) {
            JsonNode sim = root.path("simulation");
            double cpuPower = sim.path("cpu_power_w").asDouble(Double.NaN);
            int images = sim.path("images").asInt(2);
            OpticalVaeConfig c = new OpticalVaeConfig(grid, pitch, 532e-9, distance, 1, need(net, "encoder_layers").asInt(),
                    decLayers, channels, 20e-6, 80e-6, true, 0.3, 1.0, image, 1);
            OpticalVae vae = new OpticalVae(c, new Propagator(fft.backend(), Propagator.STDERR), Precision.SINGLE, images);
            int[] labels = new int[images];
            vae.decode(LightgenExperiment.priorLatents(images, channels, 1), labels, images); // warm-up (plans, caches)
            long t0 = System.nanoTime();
            vae.decode(LightgenExperiment.priorLatents(images, channels, 2), labels, images);
            double perImage = (System.nanoTime() - t0) * 1e-9 / images;
            System.out.printf(Locale.ROOT, "simulated on this machine (%d cores, %s FFT): %.3g s per image = %.3g images/s; "
                            + "at %.3g W (assumed) %.3g J per image, i.e. %.3g× the optical estimate%n",
                    Runtime.getRuntime().availableProcessors(), fft.choice(), perImage, 1 / perImage, cpuPower,
                    cpuPower * perImage, cpuPower * perImage / energy);
        }
        return 0;
    }

    private JsonNode need(JsonNode node, String key) throws IOException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IOException(config + ": missing key '" + key + "'");
        }
        return v;
    }
}
