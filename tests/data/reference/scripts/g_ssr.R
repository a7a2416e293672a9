# Simultaneous subset relations (QCA findRows type = 3): our own script for the qcakit tests.
# Observed truth-table rows coded OUT = 1 both for the outcome and for its negation.
source("/work/rref/scripts/common.R")
L <- read_lipset()
X <- read_xu()
XU_OUT <- setdiff(colnames(X), XU_COND)[1]
one <- function(data, outcome, conds, incl, pri = 0) {
  tt <- truthTable(data, outcome, conds, incl.cut = incl, pri.cut = pri, n.cut = 1,
                   complete = TRUE, show.cases = TRUE)
  list(call = sprintf('findRows(obj = truthTable(data, "%s", c(%s), incl.cut = %s, pri.cut = %s, n.cut = 1), type = 3)',
                      outcome, paste0('"', conds, '"', collapse = ", "), deparse(incl), pri),
       incl_cut = incl, pri_cut = pri,
       rows = as.integer(findRows(obj = tt, type = 3)))
}
runs <- list(
  lipset_050 = one(L, "SURV", LIPSET_COND, 0.5),
  lipset_080 = one(L, "SURV", LIPSET_COND, 0.8),
  xu_050 = one(X, XU_OUT, XU_COND, 0.5),
  xu_060 = one(X, XU_OUT, XU_COND, 0.6),
  xu_080 = one(X, XU_OUT, XU_COND, 0.8),
  xu_080_pri050 = one(X, XU_OUT, XU_COND, 0.8, 0.5),
  xu_080_pri051 = one(X, XU_OUT, XU_COND, 0.8, 0.51))
write_json_out(list(provenance = provenance("scripts/g_ssr.R", "QCA::findRows(type = 3)"),
                    outcome_xu = XU_OUT, runs = runs), "g_ssr")
