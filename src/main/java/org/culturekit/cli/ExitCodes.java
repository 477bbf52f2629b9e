package org.culturekit.cli;

/** The process exit codes; the only place their numbers live (the README's exit codes). */
final class ExitCodes {
    static final int OK = 0;
    static final int INVALID_INPUT = 1;
    static final int USAGE = 2;
    static final int INTERNAL_ERROR = 3;
    static final int GATE_BREACHED = 4;

    private ExitCodes() {}
}
