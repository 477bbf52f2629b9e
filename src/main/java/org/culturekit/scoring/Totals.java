package org.culturekit.scoring;

/** The sums only the whole population needs: item figures, the item covariances for alpha, and drivers. */
final class Totals {
    /** Per index, per item: keyed answers. */
    final Sums[][] item;
    /** Per index, per item: counts of unfavourable, neutral and favourable answers. */
    final long[][][] itemClasses;
    /** Per index: pairwise-complete keyed answers of every item pair. */
    final PairwiseSums[] itemPairs;
    /** Per index: respondent score paired with the eNPS answer. */
    final Sums[] driver;
    /** Per say-do pair: keyed say answers paired with keyed do answers, over respondents with both. */
    final Sums[] sayAndDo;

    Totals(Plan plan) {
        int indices = plan.indices.size();
        item = new Sums[indices][];
        itemClasses = new long[indices][][];
        itemPairs = new PairwiseSums[indices];
        driver = new Sums[indices];
        sayAndDo = new Sums[plan.pairs.size()];
        for (int p = 0; p < sayAndDo.length; p++) {
            sayAndDo[p] = new Sums(1);
        }
        for (int x = 0; x < indices; x++) {
            int k = plan.indices.get(x).size();
            item[x] = new Sums[k];
            itemClasses[x] = new long[k][3];
            for (int j = 0; j < k; j++) {
                item[x][j] = new Sums(1);
            }
            itemPairs[x] = new PairwiseSums(k);
            driver[x] = new Sums(k);
        }
    }

    void add(Observation o, Plan plan) {
        for (int p = 0; p < sayAndDo.length; p++) {
            if (o.pairAnswered[p]) {
                sayAndDo[p].add(o.pairSay[p], 1, o.pairDo[p]);
            }
        }
        for (int x = 0; x < item.length; x++) {
            if (o.answered[x] == 0) {
                continue;
            }
            Plan.IndexPlan index = plan.indices.get(x);
            int[] values = o.keyed[x];
            for (int i = 0; i < values.length; i++) {
                if (o.has[x][i]) {
                    item[x][i].add(values[i], 1);
                    itemClasses[x][i][index.classOf(values[i])]++;
                }
            }
            itemPairs[x].add(values, o.has[x], o.answered[x]);
            if (o.enps >= 0) {
                driver[x].add(o.scoreSum[x], o.answered[x], o.enps);
            }
        }
    }

    void merge(Totals other) {
        for (int p = 0; p < sayAndDo.length; p++) {
            sayAndDo[p].merge(other.sayAndDo[p]);
        }
        for (int x = 0; x < item.length; x++) {
            for (int j = 0; j < item[x].length; j++) {
                item[x][j].merge(other.item[x][j]);
                for (int c = 0; c < 3; c++) {
                    itemClasses[x][j][c] += other.itemClasses[x][j][c];
                }
            }
            itemPairs[x].merge(other.itemPairs[x]);
            driver[x].merge(other.driver[x]);
        }
    }
}
