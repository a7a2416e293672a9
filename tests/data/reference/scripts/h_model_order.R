# Model order of R QCA (our own script, for tests/test_model_order.py): on each random data set
# of model_order/data.csv (conditions A-E, outcome Y) and each consistency cut, the complex,
# parsimonious and intermediate (all conditions expected present) solutions, every model in
# QCA's order, and for the intermediate solution every (complex, parsimonious) pair C<i>P<j>.
# Run: R_LIBS=/work/rlib Rscript scripts/h_model_order.R model_order/data.csv > model_order/qca_models.json
suppressPackageStartupMessages({library(QCA); library(jsonlite)})
args <- commandArgs(trailingOnly = TRUE)
all <- read.csv(args[1], row.names = 1, stringsAsFactors = FALSE)
cond <- c("A", "B", "C", "D", "E")
models <- function(s) lapply(s, function(m) paste(m, collapse = " + "))
one <- function(d, cut) {
  tt <- truthTable(d, "Y", cond, incl.cut = cut, n.cut = 1)
  if (!any(tt$tt$OUT == "1")) return(NULL)
  cs <- minimize(tt)
  ps <- minimize(tt, include = "?")
  is <- minimize(tt, include = "?", dir.exp = c(1, 1, 1, 1, 1))
  list(set = d$set[1], incl_cut = cut,
       call = sprintf("minimize(truthTable(d, 'Y', c('A','B','C','D','E'), incl.cut = %s, n.cut = 1), include = '' | '?' [, dir.exp = c(1,1,1,1,1)])", cut),
       complex = models(cs$solution),
       parsimonious = models(ps$solution),
       intermediate = lapply(is$i.sol, function(x) models(x$solution)))
}
runs <- list()
for (s in unique(all$set)) {
  d <- all[all$set == s, ]
  for (cut in c(0.75, 0.8, 0.85)) {
    r <- tryCatch(one(d, cut), error = function(e) NULL)
    if (!is.null(r)) runs[[length(runs) + 1]] <- r
  }
}
out <- list(provenance = list(script = "scripts/h_model_order.R", R = R.version.string,
                              QCA = as.character(packageVersion("QCA")),
                              admisc = as.character(packageVersion("admisc")),
                              data = "model_order/data.csv (scripts/model_order_data.py)",
                              date_utc = format(Sys.time(), tz = "UTC", usetz = TRUE)),
            runs = runs)
cat(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE))
