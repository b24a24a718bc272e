package org.phasor.cli.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.cli.Main;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three application reproduce commands in --quick mode: files written and the paper's shape shown. */
class ReproduceAppsTest {
    @TempDir
    Path dir;

    private JsonNode run(String experiment) throws Exception {
        Path out = dir.resolve(experiment);
        assertEquals(0, Main.run("reproduce", experiment, "--quick", "--fft", "java", "--out", out.toString()));
        assertTrue(Files.size(out.resolve("table.md")) > 0);
        assertTrue(Files.list(out).anyMatch(p -> p.toString().endsWith(".png")), "figures written");
        return new ObjectMapper().readTree(out.resolve("table.json").toFile());
    }

    private static JsonNode method(JsonNode methods, String prefix) {
        for (JsonNode m : methods) {
            if (m.get("method").asText().startsWith(prefix)) {
                return m;
            }
        }
        throw new AssertionError("no method " + prefix);
    }

    /** FFM converges in fewer iterations than PSO and focuses within 15 % of λz/D at the field centre. */
    @Test
    void scatteringFocusFfmConvergesFasterThanPso() throws Exception {
        JsonNode t = run("scattering-focus");
        double limit = t.get("diffraction_limit_m").asDouble() * 1e6;
        for (JsonNode sc : t.get("scatterers")) {
            JsonNode ffm = method(sc.get("methods"), "FFM");
            JsonNode pso = method(sc.get("methods"), "PSO");
            int ffmIt = ffm.get("iterations_to_converge").asInt();
            int psoIt = pso.get("iterations_to_converge").isNull() ? pso.get("iterations").asInt() + 1
                    : pso.get("iterations_to_converge").asInt();
            assertTrue(ffmIt < psoIt, sc.get("scatterer") + ": FFM " + ffmIt + " vs PSO " + psoIt + " iterations");
            double fwhm = ffm.get("fwhm_um").asDouble();
            assertTrue(Math.abs(fwhm - limit) <= 0.15 * limit, "FFM FWHM " + fwhm + " µm vs limit " + limit);
            assertTrue(ffm.get("final_loss").asDouble() < method(sc.get("methods"), "in-silico").get("final_loss").asDouble(),
                    "FFM beats the design through a mis-estimated medium");
            assertEquals(5, sc.get("ffm_scan").size()); // centre and four corners
        }
    }

    /** FFM images hidden scenes better than the in-silico design with a mis-estimated wall; SSIM reported. */
    @Test
    void nlosFfmBeatsMisEstimatedWall() throws Exception {
        JsonNode t = run("nlos");
        JsonNode ffm = method(t.get("imaging"), "FFM");
        JsonNode insilico = method(t.get("imaging"), "in-silico");
        assertTrue(ffm.get("test_ssim").asDouble() > insilico.get("test_ssim").asDouble(),
                "SSIM FFM " + ffm.get("test_ssim") + " vs in-silico " + insilico.get("test_ssim"));
        assertTrue(ffm.get("test_loss").asDouble() < insilico.get("test_loss").asDouble());
        assertEquals(1000, t.get("frame_rate_hz").asDouble(), 1e-9);
        assertTrue(method(t.get("classification"), "FFM").get("test_accuracy").asDouble()
                > method(t.get("classification"), "in-silico").get("test_accuracy").asDouble());
    }

    /** The accuracy-vs-photons curve reaches below one photon per pixel; bright in-situ training beats in silico. */
    @Test
    void lowLightSweepsIntoTheSubPhotonRegime() throws Exception {
        JsonNode t = run("low-light");
        JsonNode pts = t.get("points");
        assertEquals(3, pts.size());
        assertTrue(pts.get(pts.size() - 1).get("photons_per_pixel_per_frame").asDouble() < 1);
        JsonNode bright = pts.get(0);
        assertTrue(bright.get("ffm_trained_in_situ_accuracy").asDouble()
                > bright.get("in_silico_deployed_accuracy").asDouble());
        assertTrue(t.get("lowest_photons_per_pixel_in_situ_training_works").isNumber());
    }
}
