"""pytest settings for exercises/zh/ (the Chinese edition; learners never need this file).

As in exercises/: nbval runs the student versions here; the sources in source/ are run as
solution versions by tests/test_exercises_zh.py, where every check must say "correct".
"""
collect_ignore = ["source"]
