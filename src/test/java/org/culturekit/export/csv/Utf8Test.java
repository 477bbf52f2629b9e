package org.culturekit.export.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte-level check finds the first byte Java's own strict UTF-8 decoder refuses, and no other. */
class Utf8Test {
    /** Where Java's decoder stops with an error, or −1. */
    private static int decoderVerdict(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 2);
        CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    @Test
    void agreesWithJavasDecoderOnRandomBytes() {
        SplittableRandom random = new SplittableRandom(20261123);
        // bytes that make up and break sequences: ASCII, continuations, every kind of lead byte
        int[] palette = {'a', ',', '"', '\n', 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[random.nextInt(1, 20)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : palette[random.nextInt(palette.length)]);
            }
            int expected = decoderVerdict(bytes);
            assertEquals(expected, Utf8.firstInvalid(bytes, 0, bytes.length), () -> java.util.HexFormat.of()
                    .formatHex(bytes));
        }
    }

    @Test
    void longAsciiRunsAreCheckedEightAtATimeAndStillCaught() {
        for (int at = 0; at < 40; at++) {
            byte[] bytes = "x".repeat(40).getBytes(StandardCharsets.US_ASCII);
            bytes[at] = (byte) 0xC3; // a lead byte without its continuation
            assertEquals(at, Utf8.firstInvalid(bytes, 0, bytes.length));
            assertEquals(-1, Utf8.firstInvalid(bytes, at + 1, bytes.length), "a range after it is clean");
        }
    }
}
