"""MATCH_RECOGNIZE: the row-pattern compiler, the matcher and the Match stream operator.

`create_match_operator` (in `operator`) builds the operator for a bound MATCH_RECOGNIZE."""
