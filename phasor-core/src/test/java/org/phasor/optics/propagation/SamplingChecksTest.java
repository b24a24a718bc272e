package org.phasor.optics.propagation;

import org.junit.jupiter.api.Test;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;
import org.phasor.math.fft.FftBackends;
import org.phasor.optics.Field;
import org.phasor.optics.Grid;
import org.phasor.optics.element.Aperture;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Warnings for forced methods outside their range (once, naming the numbers), errors for nonsense. */
class SamplingChecksTest {
    static final Grid SMALL = Grid.square(64, 8e-6, 532e-9);

    @Test
    void plainAsmAtLongDistanceOnASmallGridWarnsOnce() {
        List<String> w = new ArrayList<>();
        Propagator prop = new Propagator(FftBackends.java(), w::add);
        prop.freeSpace(SMALL, 0.3, Method.ASM, 1);
        prop.freeSpace(SMALL, 0.3, Method.ASM, 1);
        assertEquals(1, w.size(), w.toString());
        String msg = w.get(0);
        assertTrue(msg.contains("asm") && msg.contains("300.0 mm") && msg.contains("7.695 mm") && msg.contains("aliases")
                && msg.contains("64x64") && msg.contains("bl-asm"), msg);
        // auto and bl-asm do not warn here; auto explains that it switched
        List<String> w2 = new ArrayList<>();
        Propagator p2 = new Propagator(FftBackends.java(), w2::add);
        assertEquals(Method.BL_ASM, p2.freeSpace(SMALL, 0.3, Method.AUTO, 1).method());
        p2.freeSpace(SMALL, 0.3, Method.BL_ASM, 1);
        assertTrue(w2.isEmpty(), w2.toString());
        assertTrue(SamplingCheck.explainAuto(SMALL, 0.3, 1).startsWith("auto chose bl-asm"));
    }

    @Test
    void asmLimitIsTheBandLimitCrossing() {
        TransferKey k = TransferKey.of(SMALL, 0, Method.ASM, 1);
        double zmax = SamplingCheck.asmMaxDistance(k);
        assertTrue(!SamplingCheck.asmAliases(TransferKey.of(SMALL, 0.999 * zmax, Method.ASM, 1)));
        assertTrue(SamplingCheck.asmAliases(TransferKey.of(SMALL, 1.001 * zmax, Method.ASM, 1)));
        // padding doubles the window and so the range
        assertTrue(SamplingCheck.asmMaxDistance(TransferKey.of(SMALL, 0, Method.ASM, 2)) > 1.9 * zmax);
    }

    /** Sub-wavelength sampling (a metasurface) at a short distance: no warning; far away: a warning. */
    @Test
    void subWavelengthGridsWarnOnlyWhenFar() {
        Grid fine = Grid.square(64, 0.2e-6, 532e-9);
        assertTrue(!SamplingCheck.asmAliases(TransferKey.of(fine, 0.5e-6, Method.ASM, 1)));
        assertTrue(SamplingCheck.asmAliases(TransferKey.of(fine, 1e-3, Method.ASM, 1)));
    }

    @Test
    void fresnelOutsideItsRangeWarns() {
        List<String> w = new ArrayList<>();
        Propagator prop = new Propagator(FftBackends.java(), w::add);
        prop.freeSpace(SMALL, 0.2, Method.FRESNEL, 1); // z > N·dx²/λ = 7.7 mm: aliases (and is non-paraxial)
        assertTrue(w.get(0).contains("Fresnel transfer function") && w.get(0).contains("7.699 mm"), w.get(0));
        w.clear();
        prop.freeSpace(Grid.square(64, 0.5e-6, 532e-9), 1e-4, Method.FRESNEL, 1); // non-paraxial grid
        assertTrue(w.stream().anyMatch(s -> s.contains("paraxial")), w.toString());
        w.clear();
        prop.freeSpace(SMALL, 2e-3, Method.FRESNEL, 1); // fine
        assertTrue(w.isEmpty(), w.toString());
    }

    @Test
    void fraunhoferTooCloseWarns() {
        List<String> w = new ArrayList<>();
        Propagator prop = new Propagator(FftBackends.java(), w::add);
        ComplexArray u = ComplexArray.zeros(Precision.DOUBLE, 1, 64, 64);
        for (long i = 0; i < u.size(); i++) {
            u.set(i, 1, 0);
        }
        Aperture.circular(SMALL, 100e-6).apply(u);
        prop.farField(new Field(SMALL, u), 1e-3); // a²/(λz) = 18.4 (a = 99 µm, the farthest open sample)
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("Fresnel number") && w.get(0).contains("18.4"), w.get(0));
        w.clear();
        prop.farField(new Field(SMALL, u), 2.0);
        assertTrue(w.isEmpty(), w.toString());
    }

    @Test
    void nonsenseIsAnError() {
        Propagator prop = new Propagator(FftBackends.java(), w -> { });
        assertThrows(IllegalArgumentException.class, () -> prop.freeSpace(SMALL, -1e-3, Method.ASM, 1));
        assertThrows(IllegalArgumentException.class, () -> prop.freeSpace(SMALL, Double.NaN, Method.ASM, 1));
        assertThrows(IllegalArgumentException.class, () -> prop.freeSpace(SMALL, Double.POSITIVE_INFINITY, Method.ASM, 1));
        assertThrows(IllegalArgumentException.class, () -> prop.freeSpace(SMALL, 1e-3, Method.ASM, 3));
        assertThrows(IllegalArgumentException.class, () -> prop.freeSpace(SMALL, 1e-3, Method.FRAUNHOFER, 1));
        assertThrows(IllegalArgumentException.class, () -> Grid.square(64, -1e-6, 532e-9));
        assertThrows(IllegalArgumentException.class, () -> Grid.square(64, 1e-6, 0));
        assertThrows(IllegalArgumentException.class, () -> Method.parse("angular"));
        FreeSpace fs = prop.freeSpace(SMALL, 1e-3, Method.ASM, 1);
        Field other = Field.zeros(Grid.square(64, 4e-6, 532e-9), 1, Precision.DOUBLE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fs.apply(other));
        assertTrue(!e.getMessage().contains("\n"));
        assertThrows(IllegalArgumentException.class, () -> fs.apply(ComplexArray.zeros(Precision.DOUBLE, 1, 32, 64)));
    }

    @Test
    void transferFunctionsAreCachedPerKey() {
        TransferFunctionCache cache = new TransferFunctionCache(2);
        Propagator prop = new Propagator(FftBackends.java(), w -> { }, cache);
        FreeSpace a = prop.freeSpace(SMALL, 1e-3, Method.ASM, 1);
        FreeSpace b = prop.freeSpace(SMALL, 1e-3, Method.ASM, 1);
        assertTrue(a.transferFunction() == b.transferFunction());
        prop.freeSpace(SMALL, 2e-3, Method.ASM, 1);
        prop.freeSpace(SMALL, 1e-3, Method.ASM, 2);
        assertEquals(2, cache.size()); // bounded
        assertTrue(prop.freeSpace(SMALL, 1e-3, Method.ASM, 1).transferFunction() != a.transferFunction());
    }
}
