package org.culturekit.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.culturekit.model.Index;
import org.culturekit.model.Questionnaire;
import org.culturekit.model.SayDoPair;
import org.culturekit.model.Scale;
import org.culturekit.model.Segment;

/** The questionnaire resolved to item positions and keying tables, so adding a response does no lookups. */
final class Plan {
    static final byte UNFAVORABLE = 0;
    static final byte NEUTRAL = 1;
    static final byte FAVORABLE = 2;

    /** One index: where its items are and how their answers are keyed and classed. */
    record IndexPlan(Index index, int[] positions, boolean[] reverse, int min, int max, byte[] classes) {
        int size() {
            return positions.length;
        }

        /** The values of the index's scale. */
        int points() {
            return max - min + 1;
        }

        byte classOf(int keyed) {
            return classes[keyed - min];
        }
    }

    /** One say-do pair: positions and keying of both items. */
    record PairPlan(SayDoPair pair, int say, int doo, boolean sayReverse, boolean doReverse, int min, int max) {
        int keySay(int raw) {
            return sayReverse ? min + max - raw : raw;
        }

        int keyDo(int raw) {
            return doReverse ? min + max - raw : raw;
        }
    }

    final Questionnaire questionnaire;
    final List<IndexPlan> indices;
    final List<PairPlan> pairs;
    /** The same plans as arrays, for the loops run on every respondent. */
    final IndexPlan[] indexArray;
    final PairPlan[] pairArray;
    /** Position of the eNPS item, or −1. */
    final int enps;
    /** Position of the segment that tells leaders from others, or −1. */
    final int leaderSegment;

    private final Set<String> leaderValues;

    /** The widest scale whose items' answers are counted value by value rather than summed: a tally each. */
    static final int TALLIED_POINTS = 32;

    /** The widest scale whose answers are counted value by value, {@link #TALLIED_POINTS} but in tests. */
    final int talliedPoints;

    Plan(Questionnaire questionnaire) {
        this(questionnaire, TALLIED_POINTS);
    }

    Plan(Questionnaire questionnaire, int talliedPoints) {
        this.questionnaire = questionnaire;
        this.talliedPoints = talliedPoints;
        List<IndexPlan> indexPlans = new ArrayList<>();
        for (Index index : questionnaire.indices()) {
            indexPlans.add(indexPlan(questionnaire, index));
        }
        indices = List.copyOf(indexPlans);
        List<PairPlan> pairPlans = new ArrayList<>();
        for (SayDoPair pair : questionnaire.sayDo()) {
            Scale scale = questionnaire.scaleOf(pair.sayItem());
            pairPlans.add(new PairPlan(
                    pair,
                    questionnaire.itemPosition(pair.sayItem()),
                    questionnaire.itemPosition(pair.doItem()),
                    questionnaire.item(pair.sayItem()).reverse(),
                    questionnaire.item(pair.doItem()).reverse(),
                    scale.min(),
                    scale.max()));
        }
        pairs = List.copyOf(pairPlans);
        indexArray = indices.toArray(IndexPlan[]::new);
        pairArray = pairs.toArray(PairPlan[]::new);
        enps = questionnaire.enps().map(questionnaire::itemPosition).orElse(-1);
        int leader = -1;
        Set<String> values = new TreeSet<>();
        List<Segment> segments = questionnaire.segments();
        for (int s = 0; s < segments.size() && leader < 0; s++) {
            if (segments.get(s).definesLeaders()) {
                leader = s;
                segments.get(s).leader().forEach(v -> values.add(normalise(v)));
            }
        }
        leaderSegment = leader;
        leaderValues = values;
    }

    private static IndexPlan indexPlan(Questionnaire questionnaire, Index index) {
        int k = index.items().size();
        int[] positions = new int[k];
        boolean[] reverse = new boolean[k];
        for (int j = 0; j < k; j++) {
            positions[j] = questionnaire.itemPosition(index.items().get(j));
            reverse[j] = questionnaire.item(index.items().get(j)).reverse();
        }
        Scale scale = questionnaire.scaleOf(index.items().get(0));
        byte[] classes = new byte[scale.points()];
        for (int v = scale.min(); v <= scale.max(); v++) {
            classes[v - scale.min()] = scale.favorable().contains(v)
                    ? FAVORABLE
                    : scale.neutral().contains(v) ? NEUTRAL : UNFAVORABLE;
        }
        return new IndexPlan(index, positions, reverse, scale.min(), scale.max(), classes);
    }

    /** Whether a respondent with this group label in the leader segment counts as a leader. */
    boolean isLeader(String label) {
        return leaderValues.contains(normalise(label));
    }

    private static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
