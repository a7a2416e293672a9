source("/work/rref/scripts/common.R")
L <- read_lipset()
D <- L; D$CASE <- rownames(L); D$REGION <- unname(LIPSET_REGION[rownames(L)])
write.csv(D, file.path(RREF, "data/lipset_fuzzy_region.csv"), row.names = FALSE)
ttL <- truthTable(L, "SURV", LIPSET_COND, incl.cut = 0.8, n.cut = 1, complete = TRUE, show.cases = TRUE)
mLp <- minimize(ttL, include = "?", details = TRUE)
mLi <- minimize(ttL, include = "?", dir.exp = c(1, 1, 1, 1, 1), details = TRUE)
cl <- function(results, outcome, sol, necessity = FALSE, label) {
  E <- cluster(D, results, outcome, unit_id = "CASE", cluster_id = "REGION", sol = sol, necessity = necessity, wicons = TRUE)
  list(call = sprintf('cluster(data, %s, "%s", unit_id="CASE", cluster_id="REGION", sol=%s, necessity=%s, wicons=TRUE)',
                      label, outcome, deparse(sol), necessity),
       output = to_plain(E$output), unit_ids = E$unit_ids, cluster_ids = E$cluster_ids,
       printed = capture.output(print(E)))
}
write_json_out(list(provenance = provenance("scripts/f_cluster.R", "SetMethods::cluster"), dataset = "lipset",
  grouping = list(column = "REGION", definition = as.list(LIPSET_REGION),
                  note = "our own 3-group regional grouping: NorthWest (BE FI FR IE NL SE UK), CentralEast (AU CZ DE EE HU PL RO), South (ES GR IT PT); data/lipset_fuzzy_region.csv"),
  solution_call = 'minimize(truthTable(data, "SURV", c("DEV","URB","LIT","IND","STB"), incl.cut=0.8, n.cut=1, complete=TRUE, show.cases=TRUE), include="?", details=TRUE)',
  sufficiency_parsimonious = cl(mLp, "SURV", 1, label = "sol_pars  # DEV*~IND + URB*STB"),
  sufficiency_intermediate = cl(mLi, "SURV", "c1p1i1", label = "sol_int  # dir.exp=c(1,1,1,1,1): DEV*URB*LIT*STB + DEV*LIT*~IND*STB"),
  sufficiency_expression = cl("DEV*~IND + URB*STB", "SURV", 1, label = '"DEV*~IND + URB*STB"'),
  necessity_LIT = cl("LIT", "SURV", 1, necessity = TRUE, label = '"LIT"'),
  necessity_STB = cl("STB", "SURV", 1, necessity = TRUE, label = '"STB"')), "f_cluster_lipset")
