# Writes the COINr conformance files of tests/fixtures/coinr-asem/ again from COINr itself.
#
#   Rscript scripts/coinr-asem.R [folder]      # default: tests/fixtures/coinr-asem
#
# Needs R and COINr 1.1.14 (install.packages("remotes");
# remotes::install_version("COINr", "1.1.14")). CRAN is not reachable from the machines the
# project is built on, so this script is not run by CI; it records how the files were made, and
# `git diff` after running it shows whether a COINr version still agrees. PROVENANCE.md in the
# folder says which call made each file.
suppressPackageStartupMessages(library(COINr))
stopifnot(as.character(packageVersion("COINr")) == "1.1.14")

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[[1]] else "tests/fixtures/coinr-asem"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
# write.csv's defaults: quoted text, 15 significant digits, no row names.
save <- function(table, name) write.csv(table, file.path(out, name), row.names = FALSE)

# The inputs, as the package ships them.
save(ASEM_iData, "ASEM_iData.csv")
save(ASEM_iMeta, "ASEM_iMeta.csv")

# Three simple methods on the raw data: normalise every indicator, then aggregate every level.
simple <- function(f_n, f_n_para, f_ag, name) {
  coin <- new_coin(ASEM_iData, ASEM_iMeta, quietly = TRUE)
  coin <- qNormalise(coin, dset = "Raw", f_n = f_n, f_n_para = f_n_para)
  coin <- Aggregate(coin, dset = "Normalised", f_ag = f_ag)
  save(get_dset(coin, dset = "Aggregated"), name)
}
simple("n_minmax", list(l_u = c(0, 100)), "a_amean", "simple_raw_minmax_amean_Aggregated.csv")
simple("n_minmax", list(l_u = c(1, 100)), "a_gmean", "simple_raw_minmax1_100_gmean_Aggregated.csv")
simple("n_zscore", list(m_sd = c(0, 1)), "a_amean", "simple_raw_zscore_amean_Aggregated.csv")

# The package's full example (denominate, impute by group, screen, treat, normalise,
# aggregate): every stage's data set, the results table and the effective weights.
coin <- build_example_coin(quietly = TRUE)
for (stage in c("Raw", "Denominated", "Imputed", "Screened", "Treated", "Normalised",
                "Aggregated")) {
  save(get_dset(coin, dset = stage), paste0("example_coin_", stage, ".csv"))
}
save(get_results(coin, dset = "Aggregated", tab_type = "Full", nround = 10),
     "example_coin_results_full.csv")
# get_eff_weights gives the whole iMeta with a column added; the file keeps the indicators and
# aggregates and the columns that say their weights.
weights <- get_eff_weights(coin, out2 = "df")
weights <- weights[weights$Type %in% c("Indicator", "Aggregate"),
                   c("iCode", "Level", "Weight", "EffWeight")]
save(weights, "example_coin_eff_weights.csv")
