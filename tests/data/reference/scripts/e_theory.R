source("/work/rref/scripts/common.R")
te <- function(theory, m, outcome, sol, mcall) {
  T <- theory.evaluation(theory = theory, empirics = m, outcome = outcome, sol = sol, print.fit = TRUE, print.data = TRUE)
  list(call = sprintf('theory.evaluation(theory="%s", empirics=sol, outcome="%s", sol=%s, print.fit=TRUE, print.data=TRUE)', theory, outcome, deparse(sol)),
       empirics_call = mcall,
       intersections_boolean = to_plain(unclass(T$inters)),
       cases = to_plain(unclass(T$cases)),
       fit = to_plain(T$fit),
       data = to_plain(T$data),
       fit_full_precision_pof = { D <- T$data; nc <- ncol(D) - 1
         lapply(setNames(seq_len(nc), names(D)[1:nc]), function(i) { p <- pof(D[[i]], D[[ncol(D)]], relation = "sufficiency")$incl.cov
           list(inclS = p[1, "inclS"], PRI = p[1, "PRI"], covS = p[1, "covS"]) }) },
       fit_note = "fit = SetMethods QCAfit (rounded by SetMethods); fit_full_precision_pof = QCA::pof(column of T$data, Outcome, relation='sufficiency') on the same columns (our addition, unrounded)",
       printed = capture.output(print(T)))
}
L <- read_lipset(); X <- read_xu()
ttL <- truthTable(L, "SURV", LIPSET_COND, incl.cut = 0.8, n.cut = 1, complete = TRUE, show.cases = TRUE)
cL <- 'truthTable(data, "SURV", c("DEV","URB","LIT","IND","STB"), incl.cut=0.8, n.cut=1, complete=TRUE, show.cases=TRUE)'
mLp <- minimize(ttL, include = "?", details = TRUE)
mLi <- minimize(ttL, include = "?", dir.exp = c(1, 1, 1, 1, 1), details = TRUE)
ttX <- truthTable(X, "CAPACITY", XU_COND, incl.cut = 0.8, n.cut = 1, complete = TRUE, show.cases = TRUE)
cX <- 'truthTable(data, "CAPACITY", c("SCALE","ORG","MGMT","INFO","SHARE","PAY","INCENT"), incl.cut=0.8, n.cut=1, complete=TRUE, show.cases=TRUE)'
mXp <- minimize(ttX, include = "?", details = TRUE)
mXc <- minimize(ttX, details = TRUE)
write_json_out(list(provenance = provenance("scripts/e_theory.R", "SetMethods::theory.evaluation"), dataset = "lipset",
  parsimonious_DEVURB_STB = te("DEV*URB + STB", mLp, "SURV", 1, paste0('minimize(', cL, ', include="?", details=TRUE)  # DEV*~IND + URB*STB')),
  intermediate_DEVURB_STB = te("DEV*URB + STB", mLi, "SURV", "c1p1i1", paste0('minimize(', cL, ', include="?", dir.exp=c(1,1,1,1,1), details=TRUE)  # DEV*URB*LIT*STB + DEV*LIT*~IND*STB')),
  parsimonious_DEV_LIT = te("DEV*LIT", mLp, "SURV", 1, paste0('minimize(', cL, ', include="?", details=TRUE)'))), "e_theory_lipset")
write_json_out(list(provenance = provenance("scripts/e_theory.R", "SetMethods::theory.evaluation"), dataset = "xu",
  parsimonious_M1_ORGMGMTPAY = te("ORG*MGMT*PAY + SCALE*INCENT", mXp, "CAPACITY", 1, paste0('minimize(', cX, ', include="?", details=TRUE)  # M1 ~SCALE*MGMT + SCALE*PAY*INCENT')),
  conservative_ORGMGMTPAY = te("ORG*MGMT*PAY + SCALE*INCENT", mXc, "CAPACITY", 1, paste0('minimize(', cX, ', details=TRUE)'))), "e_theory_xu")
