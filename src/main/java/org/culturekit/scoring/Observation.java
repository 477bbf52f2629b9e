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

    /** One class count in {@link #read}'s packed counts: an index has far fewer than 2²¹ items. */
    private static final int CLASS_COUNT = (1 << 21) - 1;

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
     * Works out the figures of one respondent. The loops keep the arrays they use in locals: run through the
     * quick compiler (a short run never reaches the optimising one), each field read is repeated otherwise.
     *
     * @param answers raw answers by item position, as {@link Response#rawAnswer}
     */
    void read(int[] answers) {
        Plan.IndexPlan[] indexPlans = plan.indexArray;
        for (int x = 0; x < indexPlans.length; x++) {
            Plan.IndexPlan index = indexPlans[x];
            int[] positions = index.positions();
            boolean[] reverse = index.reverse();
            byte[] classOf = index.classes();
            int min = index.min();
            int flip = min + index.max();
            int[] values = keyed[x];
            boolean[] answeredItem = has[x];
            // the three class counts in one long, 21 bits each: an add a value, no store to an array
            long byClass = 0;
            long sum = 0;
            int count = 0;
            for (int j = 0; j < positions.length; j++) {
                int raw = answers[positions[j]];
                if (raw == Response.MISSING || raw == Response.NOT_APPLICABLE) {
                    answeredItem[j] = false;
                    continue;
                }
                int value = reverse[j] ? flip - raw : raw;
                answeredItem[j] = true;
                values[j] = value;
                sum += value;
                count++;
                byClass += 1L << 21 * classOf[value - min];
            }
            int[] classCounts = classes[x];
            classCounts[0] = (int) byClass & CLASS_COUNT;
            classCounts[1] = (int) (byClass >>> 21) & CLASS_COUNT;
            classCounts[2] = (int) (byClass >>> 42);
            scoreSum[x] = sum;
            answered[x] = count;
        }
        long gaps = 0;
        int complete = 0;
        Plan.PairPlan[] pairPlans = plan.pairArray;
        for (int p = 0; p < pairPlans.length; p++) {
            Plan.PairPlan pair = pairPlans[p];
            int say = answers[pair.say()];
            int doo = answers[pair.doo()];
            boolean both = Response.isValue(say) && Response.isValue(doo);
            pairAnswered[p] = both;
            if (both) {
                int keyedSay = pair.keySay(say);
                int keyedDo = pair.keyDo(doo);
                pairSay[p] = keyedSay;
                pairDo[p] = keyedDo;
                pairGap[p] = keyedSay - keyedDo;
                gaps += keyedSay - keyedDo;
                complete++;
            }
        }
        gapSum = gaps;
        gapPairs = complete;
        enps = plan.enps >= 0 && Response.isValue(answers[plan.enps]) ? answers[plan.enps] : -1;
    }
}
