# Independent R reference for culturekit's unit-level outcome correlations (docs/statistics.md, "Culture and
# customer outcomes"). Run from this directory:   Rscript generate.R
# Writes expected.json: per case the paired values (x = a group's culture figure, y = its outcome) and what R
# makes of them: cor.test(method = "pearson") for r, t, p and the 95% interval, cor.test(method = "spearman") for
# rho, and the Fisher-z interval written out by hand (which must equal cor.test's); plus the power note.
# Deterministic: fixed seed; values rounded to 2 decimals so that the JSON holds them exactly.

suppressPackageStartupMessages(library(jsonlite))
options(warn = 1)
set.seed(20261207)

cases <- list()
add <- function(name, x, y) cases[[length(cases) + 1]] <<- list(name = name, x = x, y = y)

# typical: 40 stores, a built-in r of about .35, as in the bundled example
x <- round(rnorm(40, 3.6, 0.35), 2)
add("typical", x, round(20 + 25 * (x - 3.6) + rnorm(40, 0, 23), 2))
# negative: churn falls as safety rises
x <- round(runif(25, 2.5, 4.5), 2)
add("negative", x, round(12 - 2.5 * x + rnorm(25, 0, 0.8), 2))
# ties: few distinct values on both sides, so Spearman needs average ranks
add("ties", c(3, 3, 4, 4, 4, 2, 5, 3, 2, 4, 5, 3), c(10, 12, 12, 15, 15, 8, 20, 10, 9, 12, 20, 11))
# the smallest number of units culturekit reports r for
x <- round(rnorm(10, 0, 1), 2)
add("ten", x, round(x * 0.2 + rnorm(10, 0, 1), 2))
# unrelated: a CI that spans zero
add("unrelated", round(rnorm(30, 50, 10), 2), round(rnorm(30, 4, 0.5), 2))

# shortest of %.15g/%.16g/%.17g that reads back as the same double
full <- function(v) {
  for (d in 15:17) {
    s <- sprintf(paste0("%.", d, "g"), v)
    if (as.numeric(s) == v) break
  }
  structure(s, class = "json")
}

z975 <- qnorm(0.975)
out <- lapply(cases, function(k) {
  n <- length(k$x)
  p <- cor.test(k$x, k$y, method = "pearson")
  s <- suppressWarnings(cor.test(k$x, k$y, method = "spearman", exact = FALSE))
  r <- unname(p$estimate)
  z <- 0.5 * log((1 + r) / (1 - r))
  byHand <- tanh(z + c(-1, 1) * z975 / sqrt(n - 3))
  if (max(abs(byHand - p$conf.int)) > 1e-12) stop("hand-computed Fisher-z interval differs from cor.test: ", k$name)
  if (abs(cor(rank(k$x), rank(k$y)) - unname(s$estimate)) > 1e-12) stop("rho is not r of average ranks: ", k$name)
  list(name = k$name, x = lapply(k$x, full), y = lapply(k$y, full), n = n,
       r = full(r), t = full(unname(p$statistic)), df = n - 2, p = full(p$p.value),
       ciLow = full(byHand[1]), ciHigh = full(byHand[2]), spearman = full(unname(s$estimate)),
       detectableR = full(tanh((z975 + qnorm(0.8)) / sqrt(n - 3))))
})

power <- list(r = 0.3, alpha = 0.05, power = 0.8,
              units = full(((qnorm(0.975) + qnorm(0.8)) / atanh(0.3))^2 + 3))
doc <- list(r = paste(R.version$major, R.version$minor, sep = "."), cases = out, power = power)
json <- toJSON(doc, auto_unbox = TRUE, pretty = TRUE, digits = NA, json_verbatim = TRUE)
con <- file("expected.json", open = "wb")
writeLines(json, con, sep = "\n")
close(con)
