package org.culturekit.scoring;

import org.culturekit.scoring.stats.Sums;

/**
 * The exact sums one population (everyone, a group of a segment, leaders, others) needs for its figures.
 * Memory depends on the questionnaire only, never on the number of respondents.
 */
final class Tally {
    long respondents;
    /** Per index: respondent scores. */
    final Sums[] score;
    /** Per index: pooled counts of unfavourable, neutral and favourable answers. */
    final long[][] classes;
    /** Per index: respondents who answered every item, and their per-item sums (for rwg). */
    final long[] complete;
    final long[][] completeSum;
    final long[][] completeSquares;
    /** Per pair: gaps; and how many were at least 1. */
    final Sums[] pairGap;
    final long[] pairGapAtLeast1;
    /** Respondent gaps over their complete pairs; and how many were at least 1. */
    final Sums gap;
    long gapAtLeast1;
    /** eNPS detractors, passives and promoters. */
    final long[] enps = new long[3];

    Tally(Plan plan) {
        int indices = plan.indices.size();
        score = new Sums[indices];
        classes = new long[indices][3];
        complete = new long[indices];
        completeSum = new long[indices][];
        completeSquares = new long[indices][];
        for (int x = 0; x < indices; x++) {
            int k = plan.indices.get(x).size();
            score[x] = new Sums(k);
            completeSum[x] = new long[k];
            completeSquares[x] = new long[k];
        }
        int pairs = plan.pairs.size();
        pairGap = new Sums[pairs];
        for (int p = 0; p < pairs; p++) {
            pairGap[p] = new Sums(1);
        }
        pairGapAtLeast1 = new long[pairs];
        gap = new Sums(Math.max(1, pairs));
    }

    /** Adds one respondent. */
    void add(Observation o) {
        respondents++;
        for (int x = 0; x < score.length; x++) {
            if (o.answered[x] > 0) {
                score[x].add(o.scoreSum[x], o.answered[x]);
            }
            for (int c = 0; c < 3; c++) {
                classes[x][c] += o.classes[x][c];
            }
            if (o.answered[x] == o.keyed[x].length) {
                complete[x]++;
                for (int j = 0; j < o.keyed[x].length; j++) {
                    long value = o.keyed[x][j];
                    completeSum[x][j] += value;
                    completeSquares[x][j] += value * value;
                }
            }
        }
        for (int p = 0; p < pairGap.length; p++) {
            if (o.pairAnswered[p]) {
                pairGap[p].add(o.pairGap[p], 1);
                if (o.pairGap[p] >= 1) {
                    pairGapAtLeast1[p]++;
                }
            }
        }
        if (o.gapPairs > 0) {
            gap.add(o.gapSum, o.gapPairs);
            // gapSum / gapPairs ≥ 1, kept in integers so the count is exact
            if (o.gapSum >= o.gapPairs) {
                gapAtLeast1++;
            }
        }
        if (o.enps >= 0) {
            enps[o.enps >= 9 ? 2 : o.enps >= 7 ? 1 : 0]++;
        }
    }

    void merge(Tally other) {
        respondents += other.respondents;
        for (int x = 0; x < score.length; x++) {
            score[x].merge(other.score[x]);
            complete[x] += other.complete[x];
            for (int c = 0; c < 3; c++) {
                classes[x][c] += other.classes[x][c];
            }
            for (int j = 0; j < completeSum[x].length; j++) {
                completeSum[x][j] += other.completeSum[x][j];
                completeSquares[x][j] += other.completeSquares[x][j];
            }
        }
        for (int p = 0; p < pairGap.length; p++) {
            pairGap[p].merge(other.pairGap[p]);
            pairGapAtLeast1[p] += other.pairGapAtLeast1[p];
        }
        gap.merge(other.gap);
        gapAtLeast1 += other.gapAtLeast1;
        for (int c = 0; c < 3; c++) {
            enps[c] += other.enps[c];
        }
    }

    /**
     * How many of these respondents each measure has, in the order of {@link Measures}: respondents, each index's
     * scores, the say-do gap, eNPS.
     */
    long[] measureSizes() {
        long[] sizes = new long[Measures.count(score.length)];
        sizes[Measures.RESPONDENTS] = respondents;
        for (int x = 0; x < score.length; x++) {
            sizes[Measures.index(x)] = score[x].n();
        }
        sizes[Measures.gap(score.length)] = gap.n();
        sizes[Measures.enps(score.length)] = enps[0] + enps[1] + enps[2];
        return sizes;
    }
}
