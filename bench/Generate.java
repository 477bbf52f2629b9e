import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a synthetic culture-survey export for the benchmark (issue 8): a seeded, deterministic CSV
 * (RFC 4180, UTF-8, CRLF line ends) that {@code bench/questionnaire.yaml} describes.
 *
 * <pre>
 *   java -Dfile.encoding=UTF-8 bench/Generate.java N OUT.csv [SEED]
 * </pre>
 *
 * <p>Columns: {@code ResponseId} (unique), {@code Department} (40 departments of uneven size, two of them
 * with fewer than 5 people; one name holds a comma, one a non-ASCII letter), {@code Level} (Leader about
 * 12%, else Member), {@code q01..q60} (1–5, about 2% blank), {@code enps} (0–10, about 2% blank) and
 * {@code comment} (about 90% empty; the rest free text, sometimes with commas, double quotes, non-ASCII
 * letters and embedded line breaks). About 210 bytes a row.
 *
 * <p>Item layout (the questionnaire, {@code pandas_bench.py} and {@code r_bench.R} hold the same):
 * ten indices, {@code idx01} = q01–q06, {@code idx02} = q07–q12, then five items each up to
 * {@code idx10} = q48–q52; the third item of every index is reverse-worded (q03, q09, q15, q20, …, q50);
 * say-do pairs q53/q54 and q55/q56; q57–q60 belong to no index. Answers follow a latent model (a general
 * factor, one trait per index, a small department effect per index and a leader uplift), so the items of
 * an index correlate and Cronbach's alpha is realistic (about 0.8).
 *
 * <p>Same N and seed give the same bytes on every machine.
 */
public final class Generate {

    static final int ITEMS = 60;
    static final int[] INDEX_START = {0, 6, 12, 17, 22, 27, 32, 37, 42, 47, 52};   // item positions, 0-based
    static final int REVERSE_OFFSET = 2;                                          // third item of each index
    static final int BLANK_ONE_IN = 50;                                           // ~2% blank cells

    static final String[] DEPARTMENTS = {
        "Customer Service", "Retail Banking", "Operations", "IT Infrastructure", "Software Engineering",
        "Sales, EMEA", "Sales, Americas", "Sales, APAC", "Marketing", "Finance",
        "Human Resources", "Legal & Compliance", "Procurement", "Logistics", "Warehouse North",
        "Warehouse South", "Field Service", "Product Management", "Data & Analytics", "Risk",
        "Internal Audit", "Facilities", "Claims", "Underwriting", "Billing",
        "Collections", "Partner Management", "Customer Success", "Quality Assurance", "Security",
        "Treasury", "Communications", "Strategy", "Training & Development", "Research & Development",
        "Manufacturing Plant A", "Manufacturing Plant B", "Contact Centre Zürich",
        // the last two are tiny: exactly 3 and 4 respondents (below minGroupSize 5)
        "Board Office", "Ombudsman",
    };
    static final int TINY_A = 3;
    static final int TINY_B = 4;

    static final String[] SENTENCES = {
        "Our team lead listens, but decisions still come from the top.",
        "More cross-team planning would help a lot.",
        "I feel safe raising problems in my own team, less so with other departments.",
        "The \"customer first\" message is everywhere, but targets say otherwise.",
        "Workload has been high since the reorganisation, and nobody has said when it will ease.",
        "Thanks for running this survey.",
        "Please share the results this time, not just the headline score.",
        "Tools are slow; the CRM freezes several times a day.",
        "We keep hearing \"do more with less\", which is hard to take seriously after the bonus news.",
        "My manager gives specific, timely feedback. Best one I've had.",
        "Meetings, meetings, meetings: there is little time left for real work.",
        "Colleagues in Zürich and São Paulo are great to work with, even across time zones.",
        "The café budget cut was small, but people noticed.",
        "Onboarding was rushed; I learned most things from colleagues, not from the training.",
        "I'd like clearer career paths for specialists who don't want to manage people.",
        "Customers often call back because information is lost between departments.",
        "Leadership says mistakes are OK, yet the last incident review felt like a \"who did it\" hunt.",
        "Good progress since last year.",
        "n/a",
        "Hybrid work works well for us; please keep it.",
        "Senior leaders should visit the contact centre more often, and listen in on calls.",
        "Decisions are made, reversed, then made again – it is hard to plan.",
        "The values poster says \"respect\", but some managers still shout.",
        "I am proud of what we do for our customers.",
    };

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java -Dfile.encoding=UTF-8 bench/Generate.java N OUT.csv [SEED]");
            System.exit(2);
        }
        long n = Long.parseLong(args[0]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : 20260508L;
        if (n < TINY_A + TINY_B) {
            System.err.println("N must be at least " + (TINY_A + TINY_B));
            System.exit(2);
        }
        long started = System.nanoTime();
        try (OutputStream file = new FileOutputStream(args[1])) {
            new Generate(seed, n).write(file);
        }
        System.err.printf("wrote %,d rows to %s in %.1f s%n", n, args[1], (System.nanoTime() - started) / 1e9);
    }

    private final SplittableRandom rnd;
    private final long n;
    private final long idSalt;
    private final double[] cumulative;          // department sampling, the 38 regular departments
    private final long[] tinyRows;              // sorted row numbers of the tiny departments' respondents
    private final int[] tinyDepartment;         // department of tinyRows[i]
    private final double[][] departmentEffect;  // [department][index]
    private final double[] itemMean = new double[ITEMS];
    private final boolean[] reverse = new boolean[ITEMS];
    private final int[] indexOf = new int[ITEMS];   // index 0..9, or -1
    private final byte[][] departmentField = new byte[DEPARTMENTS.length][];
    private final byte[][] sentences = new byte[SENTENCES.length][];

    Generate(long seed, long n) {
        this.rnd = new SplittableRandom(seed);
        this.n = n;
        this.idSalt = rnd.nextLong();

        int regular = DEPARTMENTS.length - 2;
        cumulative = new double[regular];
        double total = 0;
        for (int d = 0; d < regular; d++) {
            total += 1.0 / Math.pow(d + 3, 0.9);   // Zipf-like: the largest is ~8x the smallest
            cumulative[d] = total;
        }
        for (int d = 0; d < regular; d++) {
            cumulative[d] /= total;
        }

        int tiny = TINY_A + TINY_B;
        tinyRows = new long[tiny];
        for (int i = 0; i < tiny; i++) {
            long row;
            do {
                row = rnd.nextLong(n);
            } while (contains(tinyRows, i, row));
            tinyRows[i] = row;
        }
        tinyDepartment = new int[tiny];
        long[] sorted = tinyRows.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < tiny; i++) {      // the first TINY_A drawn go to the first tiny department
            int drawn = indexIn(tinyRows, sorted[i]);
            tinyDepartment[i] = drawn < TINY_A ? regular : regular + 1;
        }
        System.arraycopy(sorted, 0, tinyRows, 0, tiny);

        departmentEffect = new double[DEPARTMENTS.length][10];
        for (double[] effect : departmentEffect) {
            for (int j = 0; j < effect.length; j++) {
                effect[j] = 0.3 * rnd.nextGaussian();
            }
        }
        Arrays.fill(indexOf, -1);
        for (int j = 0; j < 10; j++) {
            for (int i = INDEX_START[j]; i < INDEX_START[j + 1]; i++) {
                indexOf[i] = j;
            }
            reverse[INDEX_START[j] + REVERSE_OFFSET] = true;
        }
        for (int i = 0; i < ITEMS; i++) {
            itemMean[i] = 3.2 + 0.6 * rnd.nextDouble();
        }
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            departmentField[d] = csvField(DEPARTMENTS[d]);
        }
        for (int s = 0; s < SENTENCES.length; s++) {
            sentences[s] = SENTENCES[s].getBytes(StandardCharsets.UTF_8);
        }
    }

    void write(OutputStream file) throws IOException {
        Out out = new Out(file);
        out.ascii("ResponseId,Department,Level");
        for (int i = 1; i <= ITEMS; i++) {
            out.ascii(i < 10 ? ",q0" : ",q").number(i);
        }
        out.ascii(",enps,comment\r\n");

        double[] trait = new double[10];
        StringBuilder comment = new StringBuilder(1024);
        int nextTiny = 0;
        for (long row = 0; row < n; row++) {
            int department;
            if (nextTiny < tinyRows.length && tinyRows[nextTiny] == row) {
                department = tinyDepartment[nextTiny++];
            } else {
                department = Arrays.binarySearch(cumulative, rnd.nextDouble());
                department = department >= 0 ? department : Math.min(-department - 1, cumulative.length - 1);
            }
            boolean leader = rnd.nextInt(100) < 12;

            out.ascii("R_");
            responseId(out, row);
            out.put((byte) ',').bytes(departmentField[department]).ascii(leader ? ",Leader" : ",Member");

            double general = rnd.nextGaussian() + (leader ? 0.3 : 0.0);
            for (int j = 0; j < 10; j++) {
                trait[j] = 0.55 * general + 0.75 * rnd.nextGaussian() + departmentEffect[department][j];
            }
            double say = 0.5 * general + 0.8 * rnd.nextGaussian();
            for (int i = 0; i < ITEMS; i++) {
                out.put((byte) ',');
                double latent;
                int index = indexOf[i];
                if (index >= 0) {
                    latent = trait[index];
                } else if (i == 52 || i == 54) {                  // say items: leaders talk a good game
                    latent = say + 0.5;
                } else if (i == 53 || i == 55) {                  // do items: follow the say item, lower
                    latent = 0.7 * say + 0.5 * rnd.nextGaussian() - 0.2;
                } else {
                    latent = 0.6 * general + 0.8 * rnd.nextGaussian();
                }
                int keyed = clamp((int) Math.round(itemMean[i] + 0.75 * latent + 0.7 * rnd.nextGaussian()), 1, 5);
                if (rnd.nextInt(BLANK_ONE_IN) != 0) {
                    out.put((byte) ('0' + (reverse[i] ? 6 - keyed : keyed)));
                }
            }
            out.put((byte) ',');
            int enps = clamp((int) Math.round(7.0 + 1.8 * (0.8 * general + 0.6 * rnd.nextGaussian())), 0, 10);
            if (rnd.nextInt(BLANK_ONE_IN) != 0) {
                out.number(enps);
            }
            out.put((byte) ',');
            if (rnd.nextInt(10) == 0) {
                comment(out);
            }
            out.put((byte) '\r').put((byte) '\n');
        }
        out.flush();
    }

    /** 1–13 sentences, sometimes on several lines; quoted as RFC 4180 requires. */
    private void comment(Out out) {
        int count = 1 + rnd.nextInt(13);
        boolean lines = rnd.nextInt(4) == 0;
        byte[][] parts = new byte[count][];
        boolean quote = lines;
        for (int k = 0; k < count; k++) {
            parts[k] = sentences[rnd.nextInt(sentences.length)];
            quote |= needsQuotes(parts[k]);
        }
        if (quote) {
            out.put((byte) '"');
        }
        for (int k = 0; k < count; k++) {
            if (k > 0) {
                if (lines && rnd.nextInt(2) == 0) {
                    out.put((byte) '\n');
                    if (rnd.nextInt(3) == 0) {
                        out.put((byte) '\n');
                    }
                } else {
                    out.put((byte) ' ');
                }
            }
            for (byte b : parts[k]) {
                if (b == '"') {
                    out.put((byte) '"');
                }
                out.put(b);
            }
        }
        if (quote) {
            out.put((byte) '"');
        }
    }

    private static final byte[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    /** 15 characters: 11 from a bijection of the row number (so unique), then 4 decorative. */
    private void responseId(Out out, long row) {
        long x = mix(row ^ idSalt);
        for (int k = 0; k < 11; k++) {
            out.put(BASE62[(int) Long.remainderUnsigned(x, 62)]);
            x = Long.divideUnsigned(x, 62);
        }
        long y = mix(row * 0x9e3779b97f4a7c15L + idSalt);
        for (int k = 0; k < 4; k++) {
            out.put(BASE62[(int) ((y >>> (8 * k)) & 0xff) % 62]);
        }
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static boolean contains(long[] values, int length, long value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static int indexIn(long[] values, long value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean needsQuotes(byte[] text) {
        for (byte b : text) {
            if (b == ',' || b == '"' || b == '\r' || b == '\n') {
                return true;
            }
        }
        return false;
    }

    private static byte[] csvField(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (!needsQuotes(bytes)) {
            return bytes;
        }
        return ("\"" + value.replace("\"", "\"\"") + "\"").getBytes(StandardCharsets.UTF_8);
    }

    /** A plain byte buffer in front of the file: no encoder or synchronisation per character. */
    static final class Out {
        private final OutputStream target;
        private final byte[] buffer = new byte[1 << 20];
        private int length;

        Out(OutputStream target) {
            this.target = target;
        }

        Out put(byte b) {
            if (length == buffer.length) {
                drain();
            }
            buffer[length++] = b;
            return this;
        }

        Out bytes(byte[] bytes) {
            for (byte b : bytes) {
                put(b);
            }
            return this;
        }

        Out ascii(String text) {
            for (int i = 0; i < text.length(); i++) {
                put((byte) text.charAt(i));
            }
            return this;
        }

        Out number(int value) {
            if (value >= 10) {
                number(value / 10);
            }
            return put((byte) ('0' + value % 10));
        }

        void flush() throws IOException {
            target.write(buffer, 0, length);
            length = 0;
            target.flush();
        }

        private void drain() {
            try {
                target.write(buffer, 0, length);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            length = 0;
        }
    }
}
