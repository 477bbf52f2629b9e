package org.culturekit.export.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.culturekit.input.InputException;

/**
 * The encoding of an export: from its byte-order mark (UTF-8, UTF-16LE, UTF-16BE), else the one the user
 * named, else UTF-8. A file that looks like UTF-16 without a mark is refused rather than misread.
 *
 * @param charset how to decode the text after the mark
 * @param byteOrderMark whether the file started with one (it has been skipped)
 */
record TextEncoding(Charset charset, boolean byteOrderMark) {
    private static final int PEEK = 512;

    /** Reads past the byte-order mark of {@code in}, which must support mark/reset. */
    static TextEncoding detect(InputStream in, Charset named, String file) throws IOException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        Charset fromMark = null;
        int markLength = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            fromMark = StandardCharsets.UTF_8;
            markLength = 3;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            fromMark = StandardCharsets.UTF_16LE;
            markLength = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            fromMark = StandardCharsets.UTF_16BE;
            markLength = 2;
        }
        if (fromMark != null) {
            if (named != null && !sameFamily(named, fromMark)) {
                throw new InputException(file, "the file starts with a " + fromMark.name() + " byte-order mark but "
                        + "--encoding says " + named.name() + "; leave --encoding out or correct it");
            }
            in.skipNBytes(markLength);
            return new TextEncoding(fromMark, true);
        }
        if (named != null) {
            return new TextEncoding(named, false);
        }
        if (looksLikeUtf16(head)) {
            throw new InputException(file, "the file looks like UTF-16 without a byte-order mark; name its "
                    + "encoding with --encoding UTF-16LE (or UTF-16BE), or save it as 'CSV UTF-8'");
        }
        return new TextEncoding(StandardCharsets.UTF_8, false);
    }

    private static boolean sameFamily(Charset named, Charset fromMark) {
        return named.equals(fromMark) || (named.name().equals("UTF-16") && fromMark.name().startsWith("UTF-16"));
    }

    /** Text in UTF-16 has a zero byte in most even or most odd positions; UTF-8 text has none. */
    private static boolean looksLikeUtf16(byte[] head) {
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        int half = head.length / 2;
        return half >= 2 && (evenZeros > half / 2 || oddZeros > half / 2);
    }

    String describe() {
        return charset.name() + (byteOrderMark ? " with byte-order mark" : "");
    }
}
