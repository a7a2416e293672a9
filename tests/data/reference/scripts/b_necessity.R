source("/work/rref/scripts/common.R")
ss_out <- function(d, outcome, cond, incl, cov, ron, depth) {
  s <- superSubset(d, outcome = outcome, conditions = cond, relation = "necessity",
                   incl.cut = incl, cov.cut = cov, ron.cut = ron, depth = depth)
  ic <- s$incl.cov
  call <- sprintf('superSubset(data, outcome="%s", conditions=c(%s), relation="necessity", incl.cut=%s, cov.cut=%s, ron.cut=%s, depth=%s)',
                  outcome, paste0('"', cond, '"', collapse = ","), incl, cov, ron, if (is.null(depth)) "NULL" else depth)
  list(call = call, settings = list(outcome = outcome, conditions = cond, incl.cut = incl, cov.cut = cov,
       ron.cut = ron, depth = depth),
       expressions = lapply(seq_len(nrow(ic)), function(i) list(expression = rownames(ic)[i],
                       inclN = ic$inclN[i], RoN = ic$RoN[i], covN = ic$covN[i])),
       membership = if (!is.null(s$coms)) as.list(as.data.frame(s$coms)) else NULL)
}
pof_single <- function(d, outcome, cond) {
  lapply(c(cond, paste0("~", cond)), function(cn) {
    p <- pof(cn, outcome, d, relation = "necessity")
    ic <- p$incl.cov
    list(condition = cn, call = sprintf('pof("%s", "%s", data, relation="necessity")', cn, outcome),
         inclN = ic[1, "inclN"], RoN = ic[1, "RoN"], covN = ic[1, "covN"])
  })
}
L <- read_lipset(); X <- read_xu()
res <- list()
res$lipset <- list(
  SURV_i0.9_c0.6 = ss_out(L, "SURV", LIPSET_COND, 0.9, 0.6, 0, NULL),
  SURV_i0.9_c0.6_r0.5_d2 = ss_out(L, "SURV", LIPSET_COND, 0.9, 0.6, 0.5, 2),
  SURV_i0.8_c0_d1 = ss_out(L, "SURV", LIPSET_COND, 0.8, 0, 0, 1),
  notSURV_i0.9_c0.6 = ss_out(L, "~SURV", LIPSET_COND, 0.9, 0.6, 0, NULL),
  notSURV_i0.8_c0_d1 = ss_out(L, "~SURV", LIPSET_COND, 0.8, 0, 0, 1),
  pof_SURV = pof_single(L, "SURV", LIPSET_COND),
  pof_notSURV = pof_single(L, "~SURV", LIPSET_COND))
res$xu <- list(
  CAPACITY_i0.9_c0.6 = ss_out(X, "CAPACITY", XU_COND, 0.9, 0.6, 0, NULL),
  CAPACITY_i0.9_c0.6_d2 = ss_out(X, "CAPACITY", XU_COND, 0.9, 0.6, 0, 2),
  CAPACITY_i0.8_c0_d1 = ss_out(X, "CAPACITY", XU_COND, 0.8, 0, 0, 1),
  notCAPACITY_i0.9_c0.6_d2 = ss_out(X, "~CAPACITY", XU_COND, 0.9, 0.6, 0, 2),
  pof_CAPACITY = pof_single(X, "CAPACITY", XU_COND),
  pof_notCAPACITY = pof_single(X, "~CAPACITY", XU_COND))
for (ds in names(res)) write_json_out(c(list(provenance = provenance("scripts/b_necessity.R",
  "QCA::superSubset(..., relation='necessity') and QCA::pof(..., relation='necessity')"), dataset = ds), res[[ds]]),
  paste0("b_necessity_", ds))
print(res$lipset$SURV_i0.9_c0.6$expressions)
