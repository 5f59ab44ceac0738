"""MATCH_RECOGNIZE: the row-pattern compilers, the two matchers and the Match stream operator.

`create_match_operator` (in `operator`) builds the operator for a bound MATCH_RECOGNIZE: Flink's
subset runs on Flink's NFA (`pattern`, `nfa`), the SQL standard's extensions on the backtracking
matcher (`program`, `standard`); `extensions` says which and renders the pattern for EXPLAIN."""
