"""pytest settings for exercises/ (used by `make test`; learners never need this file).

nbval executes the student versions here (every check must say "not answered yet", nothing may
crash). The sources in source/ are not run by nbval: tests/test_exercises.py generates their
solution versions and runs them in a Jupyter kernel, where every check must say "correct", a
stronger test than nbval's, so running the sources again would only cost time.
"""
collect_ignore = ["source"]
