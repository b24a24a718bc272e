package org.phasor.photonics;

import java.util.Arrays;

/**
 * Where the MZIs of a mesh sit: MZI k couples modes (mode[k], mode[k]+1) in column column[k]; MZIs are listed
 * column by column (the order light meets them). Heaters are numbered θ_k = 2k, φ_k = 2k+1, then one output
 * phase shifter per mode at 2K + i.
 *
 * <p>{@code scheduleIndex[k]} is the position of MZI k in the order its decomposition produces it; the
 * layouts are built from that same structural schedule, so a decomposition always fits its layout.
 *
 * @param name          "clements" or "reck"
 * @param modes         number of waveguides N
 * @param mode          upper mode of each MZI
 * @param column        column of each MZI
 * @param columns       number of columns (N for Clements, 2N−3 for Reck)
 * @param scheduleIndex decomposition order of each MZI
 */
public record MeshLayout(String name, int modes, int[] mode, int[] column, int columns, int[] scheduleIndex) {

    /** Rectangular mesh (Clements et al., Optica 3, 1460 (2016)): N columns, balanced path lengths. */
    public static MeshLayout clements(int n) {
        return fromSchedule("clements", n, Decomposition.clementsSchedule(n));
    }

    /** Triangular mesh (Reck et al., PRL 73, 58 (1994)): 2N−3 columns. */
    public static MeshLayout reck(int n) {
        return fromSchedule("reck", n, Decomposition.reckSchedule(n));
    }

    public static MeshLayout named(String name, int n) {
        return switch (name) {
            case "clements" -> clements(n);
            case "reck" -> reck(n);
            default -> throw new IllegalArgumentException("unknown mesh layout '" + name + "' (clements, reck)");
        };
    }

    /** Greedy layering (an MZI goes one column after the last MZI on either of its modes), then a stable sort by column. */
    static MeshLayout fromSchedule(String name, int n, int[] modesInOrder) {
        int k = modesInOrder.length;
        int[] last = new int[n];
        Arrays.fill(last, -1);
        int[] col = new int[k];
        int columns = 0;
        for (int i = 0; i < k; i++) {
            int m = modesInOrder[i];
            col[i] = Math.max(last[m], last[m + 1]) + 1;
            last[m] = col[i];
            last[m + 1] = col[i];
            columns = Math.max(columns, col[i] + 1);
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Integer.compare(col[p], col[q])); // stable
        int[] mode = new int[k], column = new int[k], sched = new int[k];
        for (int i = 0; i < k; i++) {
            mode[i] = modesInOrder[order[i]];
            column[i] = col[order[i]];
            sched[i] = order[i];
        }
        return new MeshLayout(name, n, mode, column, columns, sched);
    }

    public int mzis() {
        return mode.length;
    }

    /** 2 per MZI plus one output phase per mode. */
    public int heaters() {
        return 2 * mzis() + modes;
    }

    public int thetaHeater(int k) {
        return 2 * k;
    }

    public int phiHeater(int k) {
        return 2 * k + 1;
    }

    public int outputHeater(int i) {
        return 2 * mzis() + i;
    }
}
