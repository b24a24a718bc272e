package org.phasor.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasor.math.ComplexArray;
import org.phasor.math.Precision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * .npy/.npz against files NumPy wrote (src/test/resources/npy, made by make_fixtures.py there), round trips of
 * every dtype and shape, and one-line errors naming the file for everything unsupported.
 */
class NpyTest {
    @TempDir
    Path tmp;

    static NpyArray fixture(String name) throws IOException {
        try (InputStream in = NpyTest.class.getResourceAsStream("/npy/" + name)) {
            return Npy.read(in, name);
        }
    }

    /** The fixture values: re = 0.5·i − 1, im = 0.25·i. */
    static double[] expected(int n, boolean complex) {
        double[] v = new double[complex ? 2 * n : n];
        for (int i = 0; i < n; i++) {
            if (complex) {
                v[2 * i] = 0.5 * i - 1;
                v[2 * i + 1] = 0.25 * i;
            } else {
                v[i] = 0.5 * i - 1;
            }
        }
        return v;
    }

    @Test
    void readsWhatNumpyWrites() throws IOException {
        NpyArray f4 = fixture("f4_2x3x4.npy");
        assertEquals(NpyDtype.FLOAT32, f4.dtype());
        assertArrayEquals(new int[]{2, 3, 4}, f4.shape());
        assertArrayEquals(expected(24, false), f4.data());
        NpyArray f8 = fixture("f8_5.npy");
        assertEquals(NpyDtype.FLOAT64, f8.dtype());
        assertArrayEquals(new int[]{5}, f8.shape());
        assertArrayEquals(expected(5, false), f8.data());
        NpyArray c8 = fixture("c8_2x3.npy");
        assertEquals(NpyDtype.COMPLEX64, c8.dtype());
        assertArrayEquals(expected(6, true), c8.data());
        NpyArray c16 = fixture("c16_3x2x2.npy");
        assertEquals(NpyDtype.COMPLEX128, c16.dtype());
        assertArrayEquals(new int[]{3, 2, 2}, c16.shape());
        assertArrayEquals(expected(12, true), c16.data());
        NpyArray be = fixture("c16_be_2x2.npy");
        assertArrayEquals(expected(4, true), be.data());
    }

    @Test
    void fieldsConvertToComplexArraysInTheFilePrecision() throws IOException {
        ComplexArray a = fixture("c16_3x2x2.npy").toComplexArray();
        assertEquals(Precision.DOUBLE, a.precision());
        assertEquals(3, a.batch());
        assertEquals(0.5 * 5 - 1, a.re(5));
        ComplexArray r = fixture("f4_2x3x4.npy").toComplexArray();
        assertEquals(Precision.SINGLE, r.precision());
        assertEquals(2, r.batch());
        assertEquals(0, r.im(7));
        ComplexArray c = fixture("c8_2x3.npy").toComplexArray();
        assertEquals(1, c.batch());
        assertEquals(2, c.ny());
        assertThrows(IllegalArgumentException.class, () -> fixture("f8_5.npy").toComplexArray());
    }

    @Test
    void roundTripsEveryDtypeAndShape() throws IOException {
        int[][] shapes = {{}, {7}, {3, 5}, {2, 3, 4}, {1, 2, 1, 3}, {0, 4}};
        for (NpyDtype d : NpyDtype.values()) {
            for (int[] shape : shapes) {
                int n = 1;
                for (int s : shape) {
                    n *= s;
                }
                double[] v = expected(n, d.isComplex());
                NpyArray a = new NpyArray(d, shape, v);
                Path p = tmp.resolve(d + "_" + shape.length + ".npy");
                Npy.write(p, a);
                NpyArray back = Npy.read(p);
                assertEquals(a, back, d + " " + java.util.Arrays.toString(shape));
                byte[] head = Files.readAllBytes(p);
                int headerEnd = 10 + ((head[8] & 0xff) | (head[9] & 0xff) << 8);
                assertEquals(0, headerEnd % 64, "header padded to 64 bytes");
            }
        }
    }

    @Test
    void complexArraysRoundTripInTheirPrecision() throws IOException {
        ComplexArray a = ComplexArray.fromInterleaved(Precision.SINGLE, 1, 2, 3, expected(6, true));
        Path p = tmp.resolve("a.npy");
        Npy.write(p, NpyArray.of(a, true));
        NpyArray back = Npy.read(p);
        assertEquals(NpyDtype.COMPLEX64, back.dtype());
        assertArrayEquals(new int[]{2, 3}, back.shape());
        assertArrayEquals(a.toInterleaved(), back.toComplexArray().toInterleaved());
    }

    @Test
    void unsupportedInputIsAOneLineErrorNamingTheFile() throws IOException {
        assertOneLine(fixtureError("fortran_3x4.npy"), "fortran_3x4.npy", "Fortran");
        assertOneLine(fixtureError("object_2.npy"), "object_2.npy", "object");
        assertOneLine(fixtureError("int32_4.npy"), "int32_4.npy", "unsupported dtype '<i4'");

        byte[] good;
        try (InputStream in = NpyTest.class.getResourceAsStream("/npy/c16_3x2x2.npy")) {
            good = in.readAllBytes();
        }
        Path truncated = tmp.resolve("truncated.npy");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 10));
        assertOneLine(assertThrows(IOException.class, () -> Npy.read(truncated)), "truncated.npy", "truncated");
        Path headerOnly = tmp.resolve("head.npy");
        Files.write(headerOnly, java.util.Arrays.copyOf(good, 20));
        assertOneLine(assertThrows(IOException.class, () -> Npy.read(headerOnly)), "head.npy", "truncated");
        Path text = tmp.resolve("text.npy");
        Files.writeString(text, "hello, world");
        assertOneLine(assertThrows(IOException.class, () -> Npy.read(text)), "text.npy", "magic");
        Path empty = tmp.resolve("empty.npy");
        Files.write(empty, new byte[0]);
        assertOneLine(assertThrows(IOException.class, () -> Npy.read(empty)), "empty.npy", "magic");
        assertThrows(NoSuchFileException.class, () -> Npy.read(tmp.resolve("missing.npy")));
    }

    static IOException fixtureError(String name) throws IOException {
        Path p = Files.createTempFile("fixture", name);
        try (InputStream in = NpyTest.class.getResourceAsStream("/npy/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        Path named = p.resolveSibling(name);
        Files.move(p, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            return assertThrows(IOException.class, () -> Npy.read(named));
        } finally {
            Files.deleteIfExists(named);
        }
    }

    static void assertOneLine(Exception e, String file, String words) {
        String m = e.getMessage();
        assertTrue(m.contains(file) && m.contains(words) && !m.contains("\n"), m);
    }

    @Test
    void npzRoundTripKeepsNamesAndOrder() throws IOException {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("phase_0", new NpyArray(NpyDtype.FLOAT32, new int[]{2, 2}, expected(4, false)));
        m.put("field", new NpyArray(NpyDtype.COMPLEX128, new int[]{3}, expected(3, true)));
        Path p = tmp.resolve("w.npz");
        Npz.write(p, m);
        Map<String, NpyArray> back = Npz.read(p);
        assertEquals(m, back);
        assertEquals(java.util.List.of("phase_0", "field"), java.util.List.copyOf(back.keySet()));
        Path notZip = tmp.resolve("bad.npz");
        Files.writeString(notZip, "nope");
        assertThrows(IOException.class, () -> Npz.read(notZip));
    }

    @Test
    void layersStackLayerMajorIntoOneFloat64Array() {
        NpyArray a = NpyArray.ofLayers(new double[][]{{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}}, 2, 3);
        assertEquals(NpyDtype.FLOAT64, a.dtype());
        assertArrayEquals(new int[]{2, 2, 3}, a.shape());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, a.data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyArray.ofLayers(new double[][]{{1, 2, 3, 4, 5, 6}, {1, 2}}, 2, 3));
        assertTrue(e.getMessage().contains("layer 1 has 2 values, expected 2x3"), e.getMessage());
    }
}
