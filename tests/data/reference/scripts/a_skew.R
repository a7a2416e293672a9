source("/work/rref/scripts/common.R")
for (ds in c("lipset", "xu")) {
  d <- if (ds == "lipset") read_lipset() else read_xu()
  txt <- skew.check(d)
  per <- lapply(names(d), function(s) list(set = s, n_above_half = sum(d[[s]] > 0.5),
        n_cases = nrow(d), share_above_half = sum(d[[s]] > 0.5) / nrow(d),
        n_exactly_half = sum(d[[s]] == 0.5), n_below_half = sum(d[[s]] < 0.5)))
  write_json_out(list(provenance = provenance("scripts/a_skew.R", "SetMethods::skew.check(data)"),
                      dataset = ds, skew_check_output = txt, per_set = per),
                 paste0("a_skew_", ds))
}
