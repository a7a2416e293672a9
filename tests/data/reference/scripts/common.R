# Shared helpers for the rref reference runs (our own code).
suppressPackageStartupMessages({library(QCA); library(SetMethods); library(jsonlite)})
RREF <- "/work/rref"
read_lipset <- function() {
  d <- read.csv(file.path(RREF, "data/lipset_fuzzy.csv"), stringsAsFactors = FALSE)
  rownames(d) <- d[[1]]
  d[, c("DEV", "URB", "LIT", "IND", "STB", "SURV")]
}
read_xu <- function() {
  d <- read.csv(file.path(RREF, "data/xu2024_calibrated.csv"), row.names = 1,
                check.names = FALSE, stringsAsFactors = FALSE)
  d
}
LIPSET_COND <- c("DEV", "URB", "LIT", "IND", "STB")
XU_COND <- c("SCALE", "ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT")
provenance <- function(script, call) {
  list(script = script, call = call,
       R = R.version.string,
       QCA = as.character(packageVersion("QCA")),
       SetMethods = as.character(packageVersion("SetMethods")),
       admisc = as.character(packageVersion("admisc")),
       date_utc = format(Sys.time(), tz = "UTC", usetz = TRUE))
}
write_json_out <- function(x, name) {
  f <- file.path(RREF, paste0(name, ".json"))
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"), f)
  cat("wrote", f, "\n")
}
df_rows <- function(df) {  # data.frame -> list of row objects, keeping rownames
  df <- as.data.frame(df, stringsAsFactors = FALSE)
  out <- lapply(seq_len(nrow(df)), function(i) c(list(row = rownames(df)[i]), as.list(df[i, , drop = FALSE])))
  out
}

# ---- minimize() result extraction ----
CASENAMES <- NULL  # set to rownames(data) by each script
idx2names <- function(x) { x <- as.character(x); if (is.na(x) || x == "") return(list())
  parts <- trimws(unlist(strsplit(x, if (grepl(";", x)) ";" else ","))); parts <- parts[parts != ""]
  num <- suppressWarnings(as.integer(parts)); ifelse(is.na(num), parts, CASENAMES[num]) }
ic_table <- function(IC) {  # IC object -> list(solutions = list(...))
  one <- function(ic) {
    inc <- ic$incl.cov
    list(terms = lapply(seq_len(nrow(inc)), function(i) c(list(term = rownames(inc)[i]),
                  lapply(as.list(inc[i, , drop = FALSE]), function(v) if (is.factor(v)) as.character(v) else v),
                  if (!is.null(CASENAMES) && "cases" %in% names(inc)) list(case_names = idx2names(inc$cases[i])))),
         solution_fit = if (!is.null(ic$sol.incl.cov)) as.list(as.data.frame(ic$sol.incl.cov)) else NULL)
  }
  if (!is.null(IC$individual)) lapply(IC$individual, one) else list(one(IC))
}
sa_rows <- function(SA) lapply(SA, function(s) if (is.null(s) || nrow(s) == 0) list() else
                                 lapply(seq_len(nrow(s)), function(i) c(list(row = rownames(s)[i]), as.list(s[i, ]))))
min_out <- function(m, call) {
  out <- list(call = call,
              solutions = lapply(m$solution, function(s) paste(s, collapse = " + ")),
              essential = m$essential,
              fit = ic_table(m$IC),
              simplifying_assumptions = if (!is.null(m$SA)) sa_rows(m$SA) else NULL,
              printed = capture.output(print(m, details = TRUE)))
  if (!is.null(m$i.sol)) {
    out$intermediate <- lapply(m$i.sol, function(s) list(
      solutions = lapply(s$solution, function(x) paste(x, collapse = " + ")),
      essential = s$essential,
      fit = ic_table(s$IC),
      easy_counterfactuals = if (is.null(s$EC) || nrow(s$EC) == 0) list() else rownames(s$EC),
      difficult_counterfactuals = if (is.null(s$DC) || nrow(s$DC) == 0) list() else rownames(s$DC)))
  }
  out
}
tt_out <- function(tt, call) {
  t <- tt$tt
  list(call = call, options = list(incl.cut = tt$options$incl.cut, n.cut = tt$options$n.cut),
       rows = lapply(seq_len(nrow(t)), function(i) {
         r <- as.list(t[i, ]); r <- lapply(r, function(v) if (is.factor(v)) as.character(v) else v)
         for (k in c("incl", "PRI")) if (!is.null(r[[k]])) r[[k]] <- suppressWarnings(as.numeric(r[[k]]))
         if (!is.null(r$cases) && !is.null(CASENAMES)) r$case_names <- idx2names(r$cases)
         c(list(row = rownames(t)[i]), r) }),
       printed = capture.output(print(tt)))
}
