package org.culturekit;

/** Entry point placeholder; replaced by the CLI wiring. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(2);
    }
}
