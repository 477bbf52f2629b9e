package org.culturekit.scoring;

import org.culturekit.model.Response;

/**
 * One respondent's figures, worked out once from a {@link Response} and then added to every population the
 * respondent belongs to. Reused between responses to keep the hot path free of allocation.
 */
final class Observation {
    final Plan plan;
    /** Per index: sum of answered keyed values, and how many were answered. */
    final long[] scoreSum;
    final int[] answered;
    /** Per index: keyed values by item, and whether each was answered. */
    final int[][] keyed;
    final boolean[][] has;
    /** Per index: counts of unfavourable, neutral and favourable answers. */
    final int[][] classes;
    /** Per pair: whether both answered, the keyed say and do answers, and say − do. */
    final boolean[] pairAnswered;
    final int[] pairSay;
    final int[] pairDo;
    final int[] pairGap;
    /** Sum of gaps over complete pairs, and how many pairs were complete. */
    long gapSum;
    int gapPairs;
    /** The eNPS answer, or −1. */
    int enps;

    Observation(Plan plan) {
        this.plan = plan;
        int indices = plan.indices.size();
        scoreSum = new long[indices];
        answered = new int[indices];
        keyed = new int[indices][];
        has = new boolean[indices][];
        classes = new int[indices][3];
        for (int x = 0; x < indices; x++) {
            keyed[x] = new int[plan.indices.get(x).size()];
            has[x] = new boolean[plan.indices.get(x).size()];
        }
        pairAnswered = new boolean[plan.pairs.size()];
        pairSay = new int[plan.pairs.size()];
        pairDo = new int[plan.pairs.size()];
        pairGap = new int[plan.pairs.size()];
    }

    /**
     * Works out the figures of one respondent.
     *
     * @param answers raw answers by item position, as {@link Response#rawAnswer}
     */
    void read(int[] answers) {
        for (int x = 0; x < plan.indexArray.length; x++) {
            Plan.IndexPlan index = plan.indexArray[x];
            int[] counts = classes[x];
            counts[0] = 0;
            counts[1] = 0;
            counts[2] = 0;
            long sum = 0;
            int count = 0;
            for (int j = 0; j < index.size(); j++) {
                int raw = answers[index.positions()[j]];
                has[x][j] = Response.isValue(raw);
                if (!has[x][j]) {
                    continue;
                }
                int value = index.reverse()[j] ? index.min() + index.max() - raw : raw;
                keyed[x][j] = value;
                sum += value;
                count++;
                counts[index.classOf(value)]++;
            }
            scoreSum[x] = sum;
            answered[x] = count;
        }
        gapSum = 0;
        gapPairs = 0;
        for (int p = 0; p < plan.pairArray.length; p++) {
            Plan.PairPlan pair = plan.pairArray[p];
            int say = answers[pair.say()];
            int doo = answers[pair.doo()];
            pairAnswered[p] = Response.isValue(say) && Response.isValue(doo);
            if (pairAnswered[p]) {
                pairSay[p] = pair.keySay(say);
                pairDo[p] = pair.keyDo(doo);
                pairGap[p] = pairSay[p] - pairDo[p];
                gapSum += pairGap[p];
                gapPairs++;
            }
        }
        enps = plan.enps >= 0 && Response.isValue(answers[plan.enps]) ? answers[plan.enps] : -1;
    }
}
