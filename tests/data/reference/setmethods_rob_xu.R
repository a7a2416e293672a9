# Reference run (our own script) for tests/test_robustness.py: SetMethods rob.fit and rob.cases
# on the calibrated Xu et al. (2024) data (qcakit.studies.xu2024.calibrated(), as exported to
# /work/rref/data/xu2024_calibrated.csv, 10 decimals), outcome CAPACITY.
# Run: Rscript setmethods_rob_xu.R /path/to/xu2024_calibrated.csv > setmethods_rob_xu.json
suppressPackageStartupMessages({library(QCA); library(SetMethods); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], row.names = 1, check.names = FALSE, stringsAsFactors = FALSE)
cond <- c("SCALE", "ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT")
sol <- function(cut) minimize(truthTable(d, "CAPACITY", cond, incl.cut = cut), include = "?",
                              details = TRUE)
IS <- sol(0.8); TS1 <- sol(0.75); TS2 <- sol(0.85)
out <- list(
  provenance = list(R = R.version.string, QCA = as.character(packageVersion("QCA")),
                    SetMethods = as.character(packageVersion("SetMethods")),
                    date_utc = format(Sys.time(), tz = "UTC", usetz = TRUE),
                    call = "minimize(truthTable(xu, 'CAPACITY', cond, incl.cut = c), include = '?'), c = 0.8 (IS), 0.75, 0.85 (TS)"),
  IS = IS$solution[[1]], TS1 = TS1$solution[[1]], TS2 = TS2$solution[[1]],
  rob_fit = as.data.frame(rob.fit(test_sol = list(TS1, TS2), initial_sol = IS, outcome = "CAPACITY")),
  rob_cases = lapply(rob.cases(test_sol = list(TS1, TS2), initial_sol = IS, outcome = "CAPACITY")$CaseTypes,
                     function(x) x$CaseNames)
)
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, dataframe = "rows", rownames = TRUE))
