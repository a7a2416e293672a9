# SetMethods smmr (our own script, for tests/test_smmr.py): typical cases per focal conjunct
# (match = FALSE, cases = 2) and the pairings typical-typical (match = TRUE, cases = 1),
# typical-IIR (cases = 2) and deviant coverage-IIR (cases = 4), max_pairs = 1000, for every term
# of the parsimonious solution (incl.cut 0.8, model 1) of the Lipset data and of model_order set 11, and at 0.9 of set 7
# (SetMethods' deviant coverage-IIR pairing stops with an error where no pair exists).
# Run from tests/data/reference:
#   R_LIBS=/work/rlib Rscript scripts/m_smmr.R ../../../datasets/lipset_fuzzy.csv smmr_setmethods.json
suppressPackageStartupMessages({library(QCA); library(SetMethods); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
lip <- read.csv(args[1], stringsAsFactors = FALSE); rownames(lip) <- lip[[1]]
lip <- lip[, c("DEV", "URB", "LIT", "IND", "STB", "SURV")]
mo <- read.csv("model_order/data.csv", row.names = 1)
s11 <- mo[mo$set == 11, c("A", "B", "C", "D", "E", "Y")]
tab <- function(x) {
  if (is.null(x) || is.character(x) || inherits(x, "error")) return(list(note = if (inherits(x, "error")) conditionMessage(x) else x))
  x <- as.data.frame(x, stringsAsFactors = FALSE)
  x[] <- lapply(x, function(v) if (is.factor(v)) as.character(v) else v)
  c(list(`_rownames` = rownames(x)), as.list(x))
}
blocks <- function(r) lapply(r, function(b) list(title = b$title, results = tab(b$results)))
safe <- function(expr) tryCatch(expr, error = function(e) e)
one <- function(name, d, outcome, cond, cut = 0.8) {
  IS <- minimize(truthTable(d, outcome, cond, incl.cut = cut), include = "?", details = TRUE)
  terms <- IS$solution[[1]]
  per_term <- lapply(seq_along(terms), function(k) {
    cap <- function(e) { out <- NULL; invisible(capture.output(out <- safe(e))); out }
    typ <- cap(smmr(results = IS, outcome = outcome, match = FALSE, cases = 2, term = k, max_pairs = 1000))
    tt <- cap(smmr(results = IS, outcome = outcome, match = TRUE, cases = 1, term = k, max_pairs = 1000))
    ti <- cap(smmr(results = IS, outcome = outcome, match = TRUE, cases = 2, term = k, max_pairs = 1000))
    list(term = terms[k],
         typical_fc = if (inherits(typ, "error")) list(error = conditionMessage(typ)) else blocks(typ),
         typ_typ = if (inherits(tt, "error")) list(error = conditionMessage(tt)) else blocks(tt),
         typ_iir = if (inherits(ti, "error")) list(error = conditionMessage(ti)) else blocks(ti))
  })
  dv <- safe(smmr(results = IS, outcome = outcome, match = TRUE, cases = 4, max_pairs = 1000))
  list(name = name, outcome = outcome, conditions = cond, solution = terms, incl_cut = cut,
       call = sprintf('IS <- minimize(truthTable(data, "%s", cond, incl.cut = %s), include = "?"); smmr(results = IS, outcome = "%s", match = ..., cases = ..., term = k, max_pairs = 1000)', outcome, cut, outcome),
       terms = per_term,
       dcv_iir = if (inherits(dv, "error")) list(error = conditionMessage(dv)) else tab(dv[[1]]$results))
}
out <- list(provenance = list(script = "scripts/m_smmr.R", R = R.version.string,
                              QCA = as.character(packageVersion("QCA")),
                              SetMethods = as.character(packageVersion("SetMethods")),
                              date_utc = format(Sys.time(), tz = "UTC", usetz = TRUE)),
            runs = list(one("lipset", lip, "SURV", c("DEV", "URB", "LIT", "IND", "STB")),
                        one("model_order set 11", s11, "Y", c("A", "B", "C", "D", "E")),
                        one("model_order set 7", mo[mo$set == 7, c("A", "B", "C", "D", "E", "Y")],
                            "Y", c("A", "B", "C", "D", "E"), 0.9)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), args[2])
