# SetMethods robustness figures (our own script, for tests/test_robustness_parity.py):
# rob.fit, rob.corefit, rob.cases' case ratios (RCR_typ, RCR_dev, RCC_Rank) and rob.singletest
# for parsimonious (and one intermediate) solutions: IS at one consistency cut, test solutions at the cut -/+ 0.05
# (Lipset: 0.75 / 0.9 around 0.8). Data: datasets/lipset_fuzzy.csv, xu2024_calibrated.csv and
# model_order/data.csv (random sets whose IS has several models: SetMethods uses model 1).
# Run from tests/data/reference:
#   R_LIBS=/work/rlib Rscript scripts/i_robustness.R ../../../datasets/lipset_fuzzy.csv > robustness_setmethods.json
suppressPackageStartupMessages({library(QCA); library(SetMethods); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
lip <- read.csv(args[1], stringsAsFactors = FALSE); rownames(lip) <- lip[[1]]
xu <- read.csv("xu2024_calibrated.csv", row.names = 1, check.names = FALSE, stringsAsFactors = FALSE)
mo <- read.csv("model_order/data.csv", row.names = 1, stringsAsFactors = FALSE)
run <- function(name, d, outcome, cond, cut, lo, hi, dir.exp = NULL) {
  sol <- function(c) minimize(truthTable(d, outcome, cond, incl.cut = c), include = "?",
                              dir.exp = dir.exp, details = TRUE)
  IS <- sol(cut); TS <- list(sol(lo), sol(hi))
  rc <- rob.cases(test_sol = TS, initial_sol = IS, outcome = outcome)
  st <- rob.singletest(test_sol = TS, initial_sol = IS, outcome = outcome)
  first <- function(s) if (is.null(s$i.sol)) s$solution else s$i.sol$C1P1$solution
  list(name = name, outcome = outcome, conditions = cond, incl_cut = cut, test_cuts = c(lo, hi),
       solution = if (is.null(dir.exp)) "parsimonious" else "intermediate",
       call = sprintf("IS <- minimize(truthTable(d, '%s', cond, incl.cut = %s), include = '?'); TS at %s, %s; rob.fit / rob.corefit / rob.cases / rob.singletest(test_sol = list(TS1, TS2), initial_sol = IS, outcome = '%s')",
                      outcome, cut, lo, hi, outcome),
       IS_models = lapply(first(IS), function(m) paste(m, collapse = " + ")),
       TS = lapply(TS, function(s) paste(first(s)[[1]], collapse = " + ")),
       rob_fit = as.list(as.data.frame(rob.fit(test_sol = TS, initial_sol = IS, outcome = outcome))),
       rob_corefit = as.list(as.data.frame(rob.corefit(test_sol = TS, initial_sol = IS, outcome = outcome))),
       case_ratios = as.list(as.data.frame(rc$CaseParameters)),
       singletest = list(model = st$Model, RCC_Rank = st$RCC_Rank, SC = st$SC))
}
runs <- list(
  run("lipset", lip, "SURV", c("DEV", "URB", "LIT", "IND", "STB"), 0.8, 0.75, 0.9),
  run("xu", xu, "CAPACITY", c("SCALE", "ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT"), 0.8, 0.75, 0.85))
for (x in list(c(3, 0.85), c(34, 0.85), c(11, 0.8), c(5, 0.85), c(6, 0.85))) {
  d <- mo[mo$set == x[1], c("A", "B", "C", "D", "E", "Y")]
  runs[[length(runs) + 1]] <- run(paste0("model_order set ", x[1]), d, "Y", c("A", "B", "C", "D", "E"),
                                  x[2], x[2] - 0.05, x[2] + 0.05)
}
# intermediate (all conditions expected present): SetMethods takes C1P1's first model
d3 <- mo[mo$set == 3, c("A", "B", "C", "D", "E", "Y")]
runs[[length(runs) + 1]] <- run("model_order set 3", d3, "Y", c("A", "B", "C", "D", "E"),
                                0.85, 0.8, 0.9, dir.exp = c(1, 1, 1, 1, 1))
out <- list(provenance = list(script = "scripts/i_robustness.R", R = R.version.string,
                              QCA = as.character(packageVersion("QCA")),
                              SetMethods = as.character(packageVersion("SetMethods")),
                              date_utc = format(Sys.time(), tz = "UTC", usetz = TRUE)),
            runs = runs)
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE))
