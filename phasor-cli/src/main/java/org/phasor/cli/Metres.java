package org.phasor.cli;

import picocli.CommandLine;

import java.util.Locale;

/**
 * Converts a length option to metres: a plain number is metres ({@code 8e-6}); a suffix {@code m}, {@code mm},
 * {@code um}/{@code µm} or {@code nm} scales it ({@code 8um}, {@code 633nm}, {@code 2cm}).
 */
public final class Metres implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        return parse(value);
    }

    public static double parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u');
        double scale = 1;
        String[][] units = {{"nm", "1e-9"}, {"um", "1e-6"}, {"mm", "1e-3"}, {"cm", "1e-2"}, {"m", "1"}};
        for (String[] u : units) {
            if (v.endsWith(u[0])) {
                scale = Double.parseDouble(u[1]);
                v = v.substring(0, v.length() - u[0].length()).trim();
                break;
            }
        }
        try {
            return Double.parseDouble(v) * scale;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a length (a number of metres, or with a unit: 8e-6, 8um, 633nm, 2cm, 12mm)");
        }
    }
}
