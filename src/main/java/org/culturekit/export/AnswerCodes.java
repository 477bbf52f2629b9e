package org.culturekit.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.culturekit.model.Response;
import org.culturekit.model.Scale;

/**
 * How one scale's answers may be written: numbers in range, labels, aliases and not-applicable words, compared
 * trimmed, case-insensitive, with spaces folded. An alias wins over the number it spells: a numeric export whose
 * recode values were edited (an agreement scale coded 1, 6, 2, 3, 4) is read through the scale's aliases. A
 * five-point scale whose labels are an agreement scale in one of the built-in languages also accepts the same
 * scale in the others, so an export from a German or a Swedish survey reads against an English questionnaire.
 */
final class AnswerCodes {
    /** What {@link #read} returns for text it does not know. */
    static final int UNKNOWN = Integer.MAX_VALUE;

    /**
     * Five-point agreement scales, lowest first; each point lists the usual wordings (the first is the one
     * platforms default to).
     */
    static final List<List<List<String>>> AGREEMENT = List.of(
            // English
            List.of(List.of("strongly disagree"), List.of("disagree", "somewhat disagree"),
                    List.of("neither agree nor disagree", "neither agree or disagree", "neutral", "undecided"),
                    List.of("agree", "somewhat agree"), List.of("strongly agree")),
            // German
            List.of(List.of("stimme überhaupt nicht zu", "stimme gar nicht zu", "trifft überhaupt nicht zu"),
                    List.of("stimme nicht zu", "stimme eher nicht zu", "trifft eher nicht zu"),
                    List.of("weder noch", "teils/teils", "teils teils", "neutral", "weder zustimmung noch ablehnung"),
                    List.of("stimme zu", "stimme eher zu", "trifft eher zu"),
                    List.of("stimme voll und ganz zu", "stimme voll zu", "trifft voll und ganz zu")),
            // French
            List.of(List.of("pas du tout d'accord", "tout à fait en désaccord", "fortement en désaccord"),
                    List.of("pas d'accord", "plutôt pas d'accord", "en désaccord"),
                    List.of("ni d'accord ni pas d'accord", "ni en accord ni en désaccord", "neutre"),
                    List.of("d'accord", "plutôt d'accord"),
                    List.of("tout à fait d'accord", "fortement d'accord")),
            // Spanish
            List.of(List.of("totalmente en desacuerdo", "muy en desacuerdo"), List.of("en desacuerdo"),
                    List.of("ni de acuerdo ni en desacuerdo", "neutral", "indiferente"),
                    List.of("de acuerdo"), List.of("totalmente de acuerdo", "muy de acuerdo")),
            // Dutch
            List.of(List.of("helemaal mee oneens", "zeer mee oneens", "helemaal oneens"),
                    List.of("mee oneens", "oneens"),
                    List.of("neutraal", "niet mee eens, niet mee oneens", "niet eens, niet oneens"),
                    List.of("mee eens", "eens"), List.of("helemaal mee eens", "zeer mee eens", "helemaal eens")),
            // Swedish
            List.of(List.of("instämmer inte alls", "helt oenig", "tar helt avstånd"),
                    List.of("instämmer inte", "instämmer delvis inte", "oenig", "tar delvis avstånd"),
                    List.of("varken eller", "neutral", "varken instämmer eller tar avstånd"),
                    List.of("instämmer delvis", "instämmer", "enig", "håller med"),
                    List.of("instämmer helt", "helt enig", "håller helt med")));

    private final Scale scale;
    /** Per ASCII digit, its value (an alias's, else the digit itself in range) or {@link #UNKNOWN}. */
    private final int[] digits = new int[10];
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> values = new HashMap<>();
    private final Set<String> notApplicable = new HashSet<>();
    /** What {@link #read} makes of an empty cell, worked out once: a few of them in every row. */
    private final int empty;

    AnswerCodes(Scale scale) {
        this.scale = scale;
        // aliases first: the questionnaire's word on what a platform's code means beats the code's face value
        scale.aliases().forEach(this::add);
        for (int v = scale.min(); v <= scale.max(); v++) {
            add(Integer.toString(v), v);
        }
        for (int i = 0; i < scale.labels().size(); i++) {
            add(scale.labels().get(i), scale.min() + i);
        }
        if (isAgreementScale(scale)) {
            for (List<List<String>> language : AGREEMENT) {
                for (int point = 0; point < 5; point++) {
                    for (String wording : language.get(point)) {
                        values.putIfAbsent(Platform.key(wording), scale.min() + point);
                    }
                }
            }
        }
        scale.notApplicable().forEach(word -> notApplicable.add(Platform.key(word)));
        for (int d = 0; d < digits.length; d++) {
            Integer value = exact.get(Integer.toString(d));
            // a digit that is a not-applicable word or unknown takes the text path, which reports it
            digits[d] = value != null ? value : UNKNOWN;
        }
        empty = read("");
    }

    private void add(String text, int value) {
        exact.putIfAbsent(text, value);
        values.putIfAbsent(Platform.key(text), value);
    }

    /** Whether the scale has five points labelled as an agreement scale in a built-in language. */
    static boolean isAgreementScale(Scale scale) {
        if (scale.points() != 5 || scale.labels().size() != 5) {
            return false;
        }
        String lowest = Platform.key(scale.labels().get(0));
        String highest = Platform.key(scale.labels().get(4));
        for (List<List<String>> language : AGREEMENT) {
            if (language.get(0).contains(lowest) && language.get(4).contains(highest)) {
                return true;
            }
        }
        return false;
    }

    /** The raw value, {@link Response#MISSING} for a blank, {@link Response#NOT_APPLICABLE}, or {@link #UNKNOWN}. */
    int read(String cell) {
        // the commonest cell, one digit, needs no lookup at all
        if (cell.length() == 1) {
            int digit = cell.charAt(0) - '0';
            if (digit >= 0 && digit <= 9 && digits[digit] != UNKNOWN) {
                return digits[digit];
            }
        }
        // then a clean number or label exactly as defined, without normalisation
        Integer value = exact.get(cell);
        if (value != null) {
            return value;
        }
        if (cell.isBlank()) {
            return Response.MISSING;
        }
        String key = Platform.key(cell);
        value = values.get(key);
        if (value != null) {
            return value;
        }
        return notApplicable.contains(key) ? Response.NOT_APPLICABLE : UNKNOWN;
    }

    /** {@link #read} of an empty cell. */
    int empty() {
        return empty;
    }

    /** The value of a cell that is the one digit {@code digit}, or {@link #UNKNOWN} if it is not simply a value. */
    int digit(int digit) {
        return digits[digit];
    }

    /** Whether {@code cell} is a whole number this scale does not accept as a value, alias or not-applicable word. */
    boolean isForeignCode(String cell) {
        String stripped = cell.strip();
        return stripped.matches("-?\\d{1,9}") && read(stripped) == UNKNOWN;
    }

    /** What the user may write instead, for a message. */
    String expected() {
        StringBuilder text = new StringBuilder("a whole number from " + scale.min() + " to " + scale.max());
        if (!scale.labels().isEmpty()) {
            text.append(" or a label ('").append(scale.labels().get(0)).append("' … '")
                    .append(scale.labels().get(scale.labels().size() - 1)).append("')");
        }
        return text.toString();
    }
}
