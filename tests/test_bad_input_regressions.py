"""Examples the generated bad-input tests (tests/test_bad_input.py) found, kept as regressions."""
import warnings

import pandas as pd
import pytest

import qcakit
from qcakit import QCAWarning


def test_solution_one_reads_back_in_evaluate():
    # hypothesis: conditions constant 0, so the parsimonious solution is the empty term "1",
    # which evaluate() used to refuse as "Unknown condition '1'".
    data = pd.DataFrame({"A": [0.0, 0.0], "B": [0.0, 0.0], "C": [0.0, 0.0], "Y": [0.7, 0.9]},
                        index=["case0", "case1"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)  # limited diversity: 3 conditions, 2 cases
        sol = qcakit.minimize(qcakit.truth_table(data, "Y"), "parsimonious")
    assert sol.expression == "1"
    fit = qcakit.evaluate(data, sol.expression, "Y").table
    # hand computation: the empty term is 1 for every case; consistency = (0.7 + 0.9) / 2
    assert fit.loc["solution", "consistency"] == pytest.approx(0.8)
    assert fit.loc["solution", "raw_coverage"] == pytest.approx(1.0)


def test_a_column_named_1_is_still_read_as_that_column():
    data = pd.DataFrame({"1": [0.9, 0.2], "Y": [0.8, 0.1]})
    fit = qcakit.evaluate(data, "1", "Y").table
    # hand computation: consistency of column '1' for Y = (0.8 + 0.1) / (0.9 + 0.2)
    assert fit.loc["solution", "consistency"] == pytest.approx(0.9 / 1.1)


def test_one_case_and_all_conditions_constant_names_the_set():
    # a one-case frame: every crisp condition is 0 on one side
    data = pd.DataFrame({"A": [0.0], "Y": [0.6]}, index=["only"])
    with pytest.raises(qcakit.QCAInputError, match="Condition 'A' has no membership"):
        qcakit.necessity(data, "Y", ["A"])
    table = qcakit.necessity(data, "Y", ["~A"]).table
    # hand computation, x = ~A = 1, y = 0.6: consistency 0.6 / 0.6, coverage 0.6 / 1,
    # RoN (1 - 1) / (1 - 0.6) = 0 (a set every case is in is trivially necessary)
    assert table.loc["~A"].tolist() == pytest.approx([1.0, 0.6, 0.0])


def test_anchors_a_hair_apart_give_no_overflow_warning():
    """Found by hypothesis: anchors (6.1e-05, 0, -1) make the logistic's exponent overflow.
    Scores beyond the exclusion side are exactly 0 (the limit), with no RuntimeWarning."""
    scores = pd.Series([0.0, 0.1], index=["on crossover", "beyond"], name="C")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        warnings.simplefilter("ignore", QCAWarning)  # the case on the crossover
        out = qcakit.calibrate(scores, (6.103515625e-05, 0.0, -1.0), "direct")
    assert out.tolist() == [0.5, 0.0]
