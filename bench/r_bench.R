# The R comparison of the benchmark (issue 8): what a survey researcher would write by hand.
#
#   Rscript bench/r_bench.R FILE
#
# Reads the export with data.table::fread, runs psych::alpha on each of the ten indices (reverse items
# keyed as 6 - x beforehand, psych's defaults otherwise: pairwise-complete covariance), takes the mean of
# every item per Department with aggregate(), and prints a checksum so that no step can be skipped.
#
# The item layout is that of bench/Generate.java and bench/questionnaire.yaml.
suppressPackageStartupMessages({
  library(data.table)
  library(psych)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  cat("usage: Rscript bench/r_bench.R FILE\n", file = stderr())
  quit(status = 2)
}

index_start <- c(0, 6, 12, 17, 22, 27, 32, 37, 42, 47, 52)
items <- sprintf("q%02d", 1:60)
indices <- lapply(1:10, function(j) items[(index_start[j] + 1):index_start[j + 1]])
names(indices) <- sprintf("idx%02d", 1:10)
reverse <- items[index_start[1:10] + 3]

dt <- fread(args[1], encoding = "UTF-8", colClasses = list(numeric = items))

alphas <- vapply(names(indices), function(index) {
  keyed <- as.data.frame(dt[, indices[[index]], with = FALSE])
  for (item in intersect(names(keyed), reverse)) keyed[[item]] <- 6 - keyed[[item]]
  alpha(keyed)$total$raw_alpha
}, numeric(1))

means <- aggregate(as.data.frame(dt[, items, with = FALSE]), by = list(Department = dt$Department),
                   FUN = mean, na.rm = TRUE)

checksum <- sum(as.matrix(means[, items]), na.rm = TRUE) + sum(alphas)
cat(sprintf("%d rows, %d departments, alpha %s, checksum %.6f\n", nrow(dt), nrow(means),
            paste(sprintf("%.4f", alphas), collapse = " "), checksum))
