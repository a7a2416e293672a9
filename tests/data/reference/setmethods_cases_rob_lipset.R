# Reference run (our own script) for tests/test_cases.py and tests/test_robustness.py:
# SetMethods case types and robustness fit on Ragin's Lipset fuzzy data, outcome SURV.
# Run: Rscript setmethods_cases_rob_lipset.R /path/to/lipset_fuzzy.csv > setmethods_cases_rob_lipset.json
suppressPackageStartupMessages({library(QCA); library(SetMethods); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
rownames(d) <- d[[1]]
d <- d[, c("DEV", "URB", "LIT", "IND", "STB", "SURV")]
cond <- c("DEV", "URB", "LIT", "IND", "STB")
sol <- function(cut) minimize(truthTable(d, "SURV", cond, incl.cut = cut), include = "?",
                              details = TRUE)
IS <- sol(0.8); TS1 <- sol(0.75); TS2 <- sol(0.9)
rows <- function(x) { x <- as.data.frame(x); x$row <- rownames(x); unname(split(x, seq_len(nrow(x)))) }
out <- list(
  provenance = list(R = R.version.string, QCA = as.character(packageVersion("QCA")),
                    SetMethods = as.character(packageVersion("SetMethods")),
                    date_utc = format(Sys.time(), tz = "UTC", usetz = TRUE),
                    call = "minimize(truthTable(lipset, 'SURV', DEV..STB, incl.cut = c), include = '?'), c = 0.8 (IS), 0.75, 0.9 (TS)"),
  IS = IS$solution[[1]], TS1 = TS1$solution[[1]], TS2 = TS2$solution[[1]],
  typ = SetMethods:::cases.suf.typ(IS, "SURV")[[1]]$results,
  dcn = SetMethods:::cases.suf.dcn(IS, "SURV")[[1]]$results,
  dcv = SetMethods:::cases.suf.dcv(IS, "SURV")[[1]]$results,
  iir = SetMethods:::cases.suf.iir(IS, "SURV")[[1]]$results,
  rob_fit = as.data.frame(rob.fit(test_sol = list(TS1, TS2), initial_sol = IS, outcome = "SURV")),
  rob_cases = lapply(rob.cases(test_sol = list(TS1, TS2), initial_sol = IS, outcome = "SURV")$CaseTypes,
                     function(x) x$CaseNames)
)
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, dataframe = "rows", rownames = TRUE))
