package org.phasor.cli;

import picocli.CommandLine;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Turns exceptions from a command into one line on stderr and exit code 2. A stack trace is printed only
 * when the environment variable PHASOR_DEBUG is set, or for an unexpected internal error (exit 1).
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        boolean debug = System.getenv("PHASOR_DEBUG") != null;
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        String msg;
        int code = 2;
        if (t instanceof NoSuchFileException n) {
            msg = "file not found: " + n.getFile();
        } else if (t instanceof FileNotFoundException f) {
            msg = "file not found: " + f.getMessage();
        } else if (t instanceof IllegalArgumentException || t instanceof IOException
                || t instanceof IllegalStateException) {
            msg = t.getMessage();
        } else {
            msg = "internal error: " + t;
            code = 1;
        }
        cl.getErr().println("phasor: error: " + (msg == null ? t.getClass().getSimpleName() : msg.lines().findFirst().orElse("")));
        if (debug || code == 1) {
            t.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return code;
    }
}
