# SetMethods range searches (our own script, for tests/test_robustness_parity.py):
# rob.inclrange and rob.ncutrange on the Lipset fuzzy data (datasets/lipset_fuzzy.csv), and
# rob.calibrange on the raw Lipset data (QCA's data set LR, exported to lipset_raw_LR.csv), with
# our own anchors, calibrated by QCA's calibrate() defaults (logistic, idm = 0.95).
# Parsimonious solutions (include = "?"). SetMethods prints progress, so the JSON goes to a file.
# Run from tests/data/reference:
#   R_LIBS=/work/rlib Rscript scripts/l_ranges.R ../../../datasets/lipset_fuzzy.csv ranges_setmethods.json
suppressPackageStartupMessages({library(QCA); library(SetMethods); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
lf <- read.csv(args[1], stringsAsFactors = FALSE); rownames(lf) <- lf[[1]]
lf <- lf[, c("DEV", "URB", "LIT", "IND", "STB", "SURV")]
lr <- read.csv("lipset_raw_LR.csv", row.names = 1)
cond <- c("DEV", "URB", "LIT", "IND", "STB")
anchors <- list(DEV = c(400.5, 550.5, 900.5), URB = c(25.05, 50.05, 65.05),
                LIT = c(75.05, 90.05, 99.05), IND = c(20.05, 30.05, 40.05),
                STB = c(5.5, 10.5, 15.5), SURV = c(-4.5, 0.5, 5.5))
cal <- as.data.frame(lapply(names(anchors), function(v)
  calibrate(lr[[v]], type = "fuzzy", thresholds = anchors[[v]])))
names(cal) <- names(anchors); rownames(cal) <- rownames(lr)
tab <- function(x) list(lower = x[1, ], upper = x[2, ])
incl <- lapply(c(0.75, 0.8, 0.85), function(cut) {
  r <- capture.output(x <- rob.inclrange(data = lf, step = 0.01, max.runs = 40, outcome = "SURV",
                                          conditions = cond, incl.cut = cut, n.cut = 1, include = "?"))
  list(incl_cut = cut, call = sprintf('rob.inclrange(data = lipset, step = 0.01, max.runs = 40, outcome = "SURV", conditions = c("DEV","URB","LIT","IND","STB"), incl.cut = %s, n.cut = 1, include = "?")', cut),
       bounds = tab(as.matrix(x)))
})
ncut <- lapply(c(1, 2), function(n) {
  r <- capture.output(x <- rob.ncutrange(data = lf, step = 1, max.runs = 20, outcome = "SURV",
                                          conditions = cond, incl.cut = 0.8, n.cut = n, include = "?"))
  list(n_cut = n, call = sprintf('rob.ncutrange(data = lipset, step = 1, max.runs = 20, outcome = "SURV", conditions = c("DEV","URB","LIT","IND","STB"), incl.cut = 0.8, n.cut = %s, include = "?")', n),
       bounds = tab(as.matrix(x)))
})
calib <- lapply(list(c("DEV", 10), c("URB", 1), c("IND", 1)), function(a) {
  v <- a[1]; st <- as.numeric(a[2])
  r <- capture.output(x <- rob.calibrange(raw.data = lr, calib.data = cal, test.cond.raw = v,
        test.cond.calib = v, test.thresholds = anchors[[v]], step = st, max.runs = 40,
        outcome = "SURV", conditions = cond, incl.cut = 0.8, n.cut = 1, include = "?"))
  list(column = v, step = st, anchors = anchors[[v]],
       call = sprintf('rob.calibrange(raw.data = LR, calib.data = calibrated, test.cond.raw = "%s", test.cond.calib = "%s", test.thresholds = c(%s), step = %s, max.runs = 40, outcome = "SURV", conditions = ..., incl.cut = 0.8, n.cut = 1, include = "?")',
                      v, v, paste(anchors[[v]], collapse = ", "), st),
       exclusion = as.numeric(x$E), crossover = as.numeric(x$C), inclusion = as.numeric(x$I))
})
out <- list(provenance = list(script = "scripts/l_ranges.R", R = R.version.string,
                              QCA = as.character(packageVersion("QCA")),
                              SetMethods = as.character(packageVersion("SetMethods")),
                              anchors = anchors,
                              date_utc = format(Sys.time(), tz = "UTC", usetz = TRUE)),
            inclrange = incl, ncutrange = ncut, calibrange = calib)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), args[2])
