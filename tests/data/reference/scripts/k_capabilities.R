# Reference runs for capabilities added to qcakit (our own script): Haesebrouck's consistency
# (SetMethods QCAfit(consH = TRUE)), superSubset(relation = "sufficiency") and findRows(type = 0),
# on the Lipset data (datasets/lipset_fuzzy.csv) and the calibrated Xu data (xu2024_calibrated.csv).
# Run from tests/data/reference:
#   R_LIBS=/work/rlib Rscript scripts/k_capabilities.R ../../../datasets/lipset_fuzzy.csv > capabilities_r.json
suppressPackageStartupMessages({library(QCA); library(SetMethods); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
lip <- read.csv(args[1], stringsAsFactors = FALSE); rownames(lip) <- lip[[1]]
lip <- lip[, c("DEV", "URB", "LIT", "IND", "STB", "SURV")]
xu <- read.csv("xu2024_calibrated.csv", row.names = 1, check.names = FALSE, stringsAsFactors = FALSE)
LC <- c("DEV", "URB", "LIT", "IND", "STB")
XC <- c("SCALE", "ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT")
consh <- lapply(c("DEV", "~DEV", "STB", "DEV*~IND", "URB*STB", "DEV*~IND + URB*STB", "LIT*STB"), function(e) {
  x <- compute(e, data = lip)
  f <- QCAfit(x, lip$SURV, cond.lab = e, necessity = FALSE, consH = TRUE)
  list(expression = e, call = sprintf('QCAfit(compute("%s", data = lipset), lipset$SURV, necessity = FALSE, consH = TRUE)', e),
       fit = as.list(as.data.frame(f)))
})
ss <- function(d, outcome, cond, incl, name) {
  s <- superSubset(d, outcome = outcome, conditions = cond, relation = "sufficiency",
                   incl.cut = incl, depth = 3)
  list(name = name, incl_cut = incl, depth = 3,
       call = sprintf('superSubset(data, outcome = "%s", conditions = c(%s), relation = "sufficiency", incl.cut = %s, depth = 3)',
                      outcome, paste0('"', cond, '"', collapse = ", "), incl),
       expressions = rownames(s$incl.cov), inclS = s$incl.cov$inclS, PRI = s$incl.cov$PRI,
       covS = s$incl.cov$covS)
}
fr <- function(d, outcome, cond, expr, name) {
  tt <- truthTable(d, outcome, cond, incl.cut = 0.8, complete = TRUE)
  list(name = name, expression = expr,
       call = sprintf('findRows(obj = truthTable(data, "%s", c(%s), incl.cut = 0.8), expression = "%s", type = 0)',
                      outcome, paste0('"', cond, '"', collapse = ", "), expr),
       rows = as.integer(findRows(obj = tt, expression = expr, type = 0)),
       type1 = as.integer(findRows(obj = tt, expression = expr, type = 1)),
       type2 = as.integer(findRows(obj = tt, type = 2)),
       type3 = as.integer(findRows(obj = tt, type = 3)))
}
out <- list(provenance = list(script = "scripts/k_capabilities.R", R = R.version.string,
                              QCA = as.character(packageVersion("QCA")),
                              SetMethods = as.character(packageVersion("SetMethods")),
                              admisc = as.character(packageVersion("admisc")),
                              date_utc = format(Sys.time(), tz = "UTC", usetz = TRUE)),
            consH_lipset = consh,
            supersubset = list(ss(lip, "SURV", LC, 0.8, "lipset"), ss(lip, "SURV", LC, 0.9, "lipset"),
                               ss(xu, "CAPACITY", XC, 0.8, "xu"), ss(xu, "CAPACITY", XC, 0.9, "xu")),
            findrows = list(fr(lip, "SURV", LC, "~DEV*IND", "lipset"), fr(xu, "CAPACITY", XC, "SCALE*~ORG", "xu")))
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE))
