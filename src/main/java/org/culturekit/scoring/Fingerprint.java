package org.culturekit.scoring;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.culturekit.model.Index;
import org.culturekit.model.Item;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.SayDoPair;
import org.culturekit.model.Scale;

/**
 * Short hashes of what an index or a whole questionnaire measures — item ids, texts, scales and keying — so two
 * waves' results can tell whether a figure means the same thing in both, whatever their version labels say.
 */
final class Fingerprint {
    private Fingerprint() {}

    /** The fingerprint of one index: its items in order, each with its text, scale and keying. */
    static String of(Questionnaire questionnaire, Index index) {
        StringBuilder canonical = new StringBuilder("index\n");
        for (String itemId : index.items()) {
            item(canonical, questionnaire, questionnaire.item(itemId));
        }
        return hash(canonical);
    }

    /** The fingerprint of everything scored: every index, say-do pair and the eNPS item. */
    static String of(Questionnaire questionnaire) {
        StringBuilder canonical = new StringBuilder("questionnaire\n");
        for (Index index : questionnaire.indices()) {
            canonical.append(index.id()).append('=').append(of(questionnaire, index)).append('\n');
        }
        for (SayDoPair pair : questionnaire.sayDo()) {
            canonical.append(pair.id()).append('\n');
            item(canonical, questionnaire, questionnaire.item(pair.sayItem()));
            item(canonical, questionnaire, questionnaire.item(pair.doItem()));
        }
        questionnaire.enps().ifPresent(id -> item(canonical, questionnaire, questionnaire.item(id)));
        return hash(canonical);
    }

    private static void item(StringBuilder canonical, Questionnaire questionnaire, Item item) {
        Scale scale = questionnaire.scaleOf(item.id());
        canonical.append(item.id()).append('\u0001').append(item.text().strip()).append('\u0001')
                .append(scale.min()).append("..").append(scale.max()).append('\u0001')
                .append(String.join("|", scale.labels())).append('\u0001').append(item.reverse()).append('\n');
    }

    private static String hash(CharSequence canonical) {
        try {
            // UTF-16 code units, high byte first: fixed and platform-independent, no charset needed; digested in
            // one call rather than a call a byte, which cost a few milliseconds of every run's start
            byte[] units = new byte[2 * canonical.length()];
            for (int i = 0; i < canonical.length(); i++) {
                char c = canonical.charAt(i);
                units[2 * i] = (byte) (c >>> 8);
                units[2 * i + 1] = (byte) c;
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(units), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
