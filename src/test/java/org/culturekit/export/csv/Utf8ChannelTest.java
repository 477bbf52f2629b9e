package org.culturekit.export.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text in any encoding reaches the CSV grammar as UTF-8, whatever room the reader of the bytes leaves. */
class Utf8ChannelTest {
    /** Two-, three- and four-byte characters, surrogate pairs among them, across every buffer boundary. */
    private static final String TEXT = ("a\u00e9\u20ac\uD83D\uDE00,\"x\u00fc\"\r\n").repeat(5000);

    @Test
    void givesTheUtf8BytesOfTheTextInReadsOfAnySize() throws IOException {
        byte[] expected = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int room : new int[] {1, 2, 3, 5, 4096, 65536}) {
            assertArrayEquals(expected, readAll(room), "reads of " + room + " bytes");
        }
    }

    @Test
    void anEmptyTextIsTheEndAtOnce() throws IOException {
        try (Utf8Channel channel = new Utf8Channel(new StringReader(""))) {
            assertEquals(-1, channel.read(ByteBuffer.allocate(16)));
        }
    }

    private static byte[] readAll(int room) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Utf8Channel channel = new Utf8Channel(new StringReader(TEXT))) {
            ByteBuffer target = ByteBuffer.allocate(room);
            for (int read = channel.read(target); read >= 0; read = channel.read(target)) {
                assertTrue(read > 0, "a read with room for a byte gives one");
                out.write(target.array(), 0, read);
                target.clear();
            }
        }
        return out.toByteArray();
    }
}
