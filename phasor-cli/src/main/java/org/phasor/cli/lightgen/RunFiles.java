package org.phasor.cli.lightgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.phasor.io.AtomicWrite;
import org.phasor.io.NpyArray;
import org.phasor.io.NpyDtype;
import org.phasor.io.Npz;
import org.phasor.model.Params;
import org.phasor.task.generative.OpticalVae;
import org.phasor.task.generative.OpticalVaeConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained optical VAE on disk: {@code config.json} (the {@link OpticalVaeConfig}) and {@code state.npz}
 * (phase layers {@code encoder_l}, {@code decoder_l} as float64 grid×grid arrays, {@code camera_gain},
 * {@code latent_gain}).
 */
final class RunFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunFiles() {
    }

    static void save(Path dir, OpticalVae vae) throws IOException {
        Files.createDirectories(dir);
        byte[] cfg = JSON.writeValueAsBytes(vae.config());
        AtomicWrite.write(dir.resolve("config.json"), out -> out.write(cfg));
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        int n = vae.config().grid();
        OpticalVae.State s = vae.state();
        for (int l = 0; l < s.encoder().layerCount(); l++) {
            arrays.put("encoder_" + l, NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{n, n}, s.encoder().layer(l)));
        }
        for (int l = 0; l < s.decoder().layerCount(); l++) {
            arrays.put("decoder_" + l, NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{n, n}, s.decoder().layer(l)));
        }
        arrays.put("camera_gain", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{1}, new double[]{s.cameraGain()}));
        arrays.put("latent_gain", NpyArray.ofReal(NpyDtype.FLOAT64, new int[]{1}, new double[]{s.latentGain()}));
        Npz.write(dir.resolve("state.npz"), arrays);
    }

    static OpticalVaeConfig config(Path dir) throws IOException {
        Path f = dir.resolve("config.json");
        if (!Files.isRegularFile(f)) {
            throw new NoSuchFileException(f.toString());
        }
        try {
            return JSON.readValue(f.toFile(), OpticalVaeConfig.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(f + ": not an optical VAE config (" + e.getOriginalMessage() + ")");
        }
    }

    static OpticalVae.State state(Path dir, OpticalVaeConfig c) throws IOException {
        Path f = dir.resolve("state.npz");
        Map<String, NpyArray> a = Npz.read(f);
        double[][] enc = new double[c.encoderLayers()][];
        double[][] dec = new double[c.decoderLayers()][];
        for (int l = 0; l < enc.length; l++) {
            enc[l] = array(a, f, "encoder_" + l);
        }
        for (int l = 0; l < dec.length; l++) {
            dec[l] = array(a, f, "decoder_" + l);
        }
        return new OpticalVae.State(new Params(enc), new Params(dec), array(a, f, "camera_gain")[0],
                array(a, f, "latent_gain")[0]);
    }

    private static double[] array(Map<String, NpyArray> a, Path f, String key) throws IOException {
        NpyArray v = a.get(key);
        if (v == null) {
            throw new IOException(f + ": missing array '" + key + "'");
        }
        return v.data();
    }
}
