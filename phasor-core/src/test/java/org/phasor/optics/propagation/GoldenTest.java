package org.phasor.optics.propagation;

import org.junit.jupiter.api.Test;
import org.phasor.io.Npy;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.Field;
import org.phasor.optics.Grid;
import org.phasor.optics.OpTesting;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared golden case (golden/cases.json, copied into test resources): a circular aperture r = 0.2 mm on
 * 256² samples of 10 µm at λ = 633 nm propagated 2 cm by exact ASM. Published peers agree to 1e-12 (double)
 * and 2e-7 (float); we require 1e-10 and 1e-5.
 */
class GoldenTest {
    static final Grid GRID = Grid.square(256, 1e-5, 6.33e-7);
    static final double Z = 0.02;

    static ComplexArray load(String name) throws IOException {
        try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/" + name)) {
            return Npy.read(in, name).toComplexArray();
        }
    }

    @Test
    void doublePrecisionMatchesGolden() throws IOException {
        List<String> warnings = new ArrayList<>();
        Propagator prop = new Propagator(FftBackends.java(), warnings::add);
        ComplexArray in = load("circ256_in.npy");
        ComplexArray expected = load("circ256_z2cm_out.npy");
        assertEquals(Precision.DOUBLE, in.precision());
        for (Method m : new Method[]{Method.ASM, Method.AUTO, Method.BL_ASM}) {
            Field out = prop.propagate(new Field(GRID, in), Z, m, 1);
            double err = OpTesting.relL2(out.data(), expected);
            assertTrue(err <= 1e-10, m + ": relative L2 " + err);
        }
        assertTrue(warnings.isEmpty(), "no sampling warning for the golden case: " + warnings);
        assertEquals(1249.0, in.sumAbs2(), 1e-9);
    }

    @Test
    void singlePrecisionMatchesGolden() throws IOException {
        List<String> warnings = new ArrayList<>();
        Propagator prop = new Propagator(FftBackends.java(), warnings::add);
        ComplexArray in = load("circ256_in.npy").toPrecision(Precision.SINGLE);
        ComplexArray expected = load("circ256_z2cm_out.npy");
        Field out = prop.propagate(new Field(GRID, in), Z, Method.ASM, 1);
        assertEquals(Precision.SINGLE, out.precision());
        double err = OpTesting.relL2(out.data(), expected);
        assertTrue(err <= 1e-5, "relative L2 " + err);
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void autoPicksExactAsmForTheGoldenCase() {
        assertEquals(Method.ASM, SamplingCheck.resolve(GRID, Z, Method.AUTO, 1));
        assertTrue(SamplingCheck.explainAuto(GRID, Z, 1).startsWith("auto chose asm"));
    }
}
