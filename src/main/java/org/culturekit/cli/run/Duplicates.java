package org.culturekit.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.culturekit.input.InputException;
import org.culturekit.input.Problem;
import org.culturekit.export.ReadOptions;
import org.culturekit.export.Rejection;
import org.culturekit.export.ids.RespondentIds;
import org.culturekit.export.ResponseReader;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.Response;

/**
 * The rows of a run left out because their respondent id was seen before, and what is said of them: each is
 * named with the line of the first occurrence, and whether its answers differ from that one's. The first pass
 * keeps only the repeats (an id's hash and its answers', no more), so memory stays as it was for the ids; when
 * there are repeats, a second pass, in order, finds each one's first occurrence, and stops as soon as it has
 * them all: it always comes before its repeats.
 */
final class Duplicates {
    /** The repeats compared with their first occurrence; beyond these, they are only counted. */
    static final int COMPARED = 100_000;
    /** The repeats listed as warnings, or in the error. */
    private static final int LISTED = 10;

    private record Key(long high, long low) {}

    private record Repeat(String file, long line, Key key, long answers) {}

    /** Where an id was first scored: the export's position in the run, its line, its answers' hash. */
    private record First(int file, long line, long answers) {}

    private final List<Repeat> repeats = new ArrayList<>();
    private long count;

    /** Notes {@code rejection} if it is a repeated respondent; rejections arrive in file order. */
    synchronized void note(Rejection rejection) {
        Rejection.Duplicate duplicate = rejection.duplicate();
        if (duplicate == null) {
            return;
        }
        count++;
        if (repeats.size() < COMPARED) {
            repeats.add(new Repeat(rejection.file(), rejection.line(),
                    new Key(duplicate.idHigh(), duplicate.idLow()), duplicate.answers()));
        }
    }

    /**
     * Warns of every repeat (the first {@value #LISTED}, then a count), or, when {@code strict} and one has other
     * answers than its first occurrence, fails listing those.
     */
    void report(Questionnaire questionnaire, List<Path> files, ReadOptions options, boolean strict,
            Path rejectsFile, PrintWriter err) {
        if (count == 0) {
            return;
        }
        Map<Key, First> firsts = firsts(questionnaire, files, options);
        List<Problem> different = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long differing = 0;
        long identical = 0;
        for (Repeat repeat : repeats) {
            First first = firsts.get(repeat.key);
            String where = first == null ? "an earlier row" : files.get(first.file) + ":" + first.line;
            boolean same = first != null && first.answers == repeat.answers;
            String message;
            if (same) {
                identical++;
                message = "repeats " + where + " (the same respondent id and answers); left out";
            } else {
                differing++;
                message = "repeats the respondent id of " + where + " with different answers";
                if (different.size() < LISTED) {
                    different.add(new Problem(repeat.file, repeat.line, 0, message, ""));
                }
                message += "; left out, the first is scored";
            }
            if (lines.size() < LISTED) {
                lines.add(repeat.file + ":" + repeat.line + ": " + message);
            }
        }
        long uncompared = count - repeats.size();
        if (strict && differing > 0) {
            List<Problem> all = new ArrayList<>(different);
            if (differing > different.size()) {
                all.add(new Problem(different.get(0).file(), 0, 0, "… and " + Plural.of(differing - different.size(),
                        "more row", "more rows") + " repeating a respondent id with different answers", ""));
            }
            all.add(new Problem(different.get(0).file(), 0, 0, "a respondent who answered twice differently "
                    + "cannot be scored once without choosing; remove the rows that should not count, or run "
                    + "without --strict to score the first of each", ""));
            throw new InputException(all);
        }
        lines.forEach(line -> Scoring.warn(err, line));
        if (count > lines.size()) {
            Scoring.warn(err, "… and " + Plural.of(count - lines.size(), "more row", "more rows")
                    + " repeating a respondent id");
        }
        Scoring.warn(err, Plural.of(count, "row repeats", "rows repeat") + " a respondent id: " + differing
                + " with different answers, " + identical + " identical"
                + (uncompared > 0 ? ", " + uncompared + " not compared" : "") + "; the first occurrence of each "
                + "is scored (" + (rejectsFile == null ? "--rejects FILE lists every row" : rejectsFile
                + " lists every row") + (differing > 0 ? "; --strict makes different answers an error)" : ")"));
    }

    /** The first occurrence of every repeated id, found by reading the exports again, in order. */
    private Map<Key, First> firsts(Questionnaire questionnaire, List<Path> files, ReadOptions options) {
        Map<Key, First> firsts = new HashMap<>();
        for (Repeat repeat : repeats) {
            firsts.put(repeat.key, null);
        }
        int[] wanted = {firsts.size()};
        try (RespondentIds ids = RespondentIds.forRun()) {
            for (int f = 0; f < files.size() && wanted[0] > 0; f++) {
                int file = f;
                try (ResponseReader reader = ResponseReader.open(files.get(f), questionnaire, options, ids)) {
                    reader.onScored((high, low, line, answers) -> {
                        Key key = new Key(high, low);
                        if (firsts.containsKey(key) && firsts.get(key) == null) {
                            firsts.put(key, new First(file, line, answers));
                            wanted[0]--;
                        }
                    });
                    for (Iterator<Response> rows = reader.iterator(); rows.hasNext() && wanted[0] > 0; ) {
                        rows.next();
                    }
                }
            }
        }
        return firsts;
    }
}
