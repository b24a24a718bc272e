package org.phasor.cli;

import picocli.CommandLine;

/** Version line: Phasor version, Java runtime, OS. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[]{
                "phasor " + (v == null ? "dev" : v),
                "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
