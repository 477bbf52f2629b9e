package org.culturekit.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void showsPercentRowsSpeedAndTimeLeft() {
        // 50 MiB of 200 MiB in 5 s: 25%, 10 MB/s, 15 s to go
        assertEquals("reading big.csv:  25% · 250,000 rows · 10.0 MB/s · about 15 s left",
                Progress.line("big.csv", 50L << 20, 200L << 20, 250_000, 5.0));
        assertEquals("reading big.csv:   0% · 0 rows · 0.0 MB/s · estimating…",
                Progress.line("big.csv", 0, 200L << 20, 0, 0.0));
        assertEquals("reading big.csv:  10% · 1,000 rows · 1.0 MB/s · about 2 min 42 s left",
                Progress.line("big.csv", 18L << 20, 180L << 20, 1_000, 18.0));
    }

    @Test
    void staysSilentWhenStderrIsNotATerminal() {
        // under Maven, stderr is a pipe or a file: the display must not start
        assertFalse(Progress.stderrIsTerminal());
    }
}
