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
            int[] values = keyed[x];
            boolean[] answeredItem = has[x];
            int[] byClass = classes[x];
            byClass[0] = 0;
            byClass[1] = 0;
            byClass[2] = 0;
            long sum = 0;
            int count = 0;
            for (int j = 0; j < positions.length; j++) {
                int raw = answers[positions[j]];
                boolean isAnswer = Response.isValue(raw);
                answeredItem[j] = isAnswer;
                if (isAnswer) {
                    int value = index.key(j, raw);
                    values[j] = value;
                    sum += value;
                    count++;
                    byClass[index.classOf(value)]++;
                }
            }
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
