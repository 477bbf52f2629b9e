package org.culturekit.report;

/**
 * A report could not be rendered because of something the user supplied: a template that fails, runs too
 * long or writes too much, or an unusable template directory. The CLI reports it like bad input (exit 1).
 */
public final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }
}
