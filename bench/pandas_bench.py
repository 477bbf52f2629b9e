#!/usr/bin/env python3
"""The pandas comparison of the benchmark (issue 8): what a data analyst would write by hand.

    python3 bench/pandas_bench.py FILE

Reads the export with pandas.read_csv, takes the mean of every item per Department (groupby), and
computes Cronbach's alpha of each of the ten indices as psych::alpha does (pairwise-complete covariance
of the keyed items, reverse items keyed as 6 - x), then prints a checksum of everything it computed so
that no step can be skipped.

The item layout is that of bench/Generate.java and bench/questionnaire.yaml.
"""
import sys

import numpy as np
import pandas as pd

INDEX_START = [0, 6, 12, 17, 22, 27, 32, 37, 42, 47, 52]
ITEMS = [f"q{i:02d}" for i in range(1, 61)]
INDICES = {f"idx{j + 1:02d}": ITEMS[INDEX_START[j]:INDEX_START[j + 1]] for j in range(10)}
REVERSE = {ITEMS[start + 2] for start in INDEX_START[:10]}


def alpha(keyed: pd.DataFrame) -> float:
    cov = keyed.cov().to_numpy()  # pairwise-complete, n - 1
    k = cov.shape[0]
    return k / (k - 1) * (1 - np.trace(cov) / cov.sum())


def main(path: str) -> None:
    df = pd.read_csv(path, dtype={item: "float64" for item in ITEMS})
    means = df.groupby("Department")[ITEMS].mean()
    alphas = {}
    for index, items in INDICES.items():
        keyed = df[items].copy()
        for item in items:
            if item in REVERSE:
                keyed[item] = 6 - keyed[item]
        alphas[index] = alpha(keyed)
    checksum = float(np.nansum(means.to_numpy())) + sum(alphas.values())
    print(f"{len(df)} rows, {len(means)} departments, "
          f"alpha {' '.join(f'{a:.4f}' for a in alphas.values())}, checksum {checksum:.6f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 bench/pandas_bench.py FILE")
    main(sys.argv[1])
