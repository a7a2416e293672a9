# SetMethods esa(nec_cond = ...) when an observed row coded 1 lacks the necessary condition
# (our own script, for tests/test_counterfactuals.py): which rows esa() sets to OUT = 0 and the
# solutions of the new truth table. Lipset data, outcome SURV, incl.cut 0.8: observed row 22
# (DEV*~URB*LIT*~IND*STB) is coded 1.
# Run from tests/data/reference:
#   R_LIBS=/work/rlib Rscript scripts/j_esa_observed.R ../../../datasets/lipset_fuzzy.csv > esa_observed_setmethods.json
suppressPackageStartupMessages({library(QCA); library(SetMethods); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE); rownames(d) <- d[[1]]
cond <- c("DEV", "URB", "LIT", "IND", "STB")
tt <- truthTable(d, "SURV", cond, incl.cut = 0.8, complete = TRUE)
models <- function(s) lapply(s, function(m) paste(m, collapse = " + "))
runs <- lapply(c("URB", "IND", "URB+IND"), function(nec) {
  new <- esa(tt, nec_cond = nec)
  changed <- which(tt$tt$OUT != new$tt$OUT)
  list(nec_cond = nec,
       call = sprintf('new <- esa(truthTable(lipset, "SURV", c("DEV","URB","LIT","IND","STB"), incl.cut = 0.8), nec_cond = "%s"); minimize(new, include = "?")', nec),
       rows_set_to_0 = as.integer(rownames(tt$tt)[changed]),
       observed_rows_set_to_0 = as.integer(rownames(tt$tt)[changed][tt$tt$OUT[changed] != "?"]),
       parsimonious = models(minimize(new, include = "?")$solution))
})
cat(toJSON(list(provenance = list(script = "scripts/j_esa_observed.R", R = R.version.string,
                                  QCA = as.character(packageVersion("QCA")),
                                  SetMethods = as.character(packageVersion("SetMethods")),
                                  date_utc = format(Sys.time(), tz = "UTC", usetz = TRUE)),
               runs = runs), auto_unbox = TRUE, digits = NA, pretty = TRUE))
