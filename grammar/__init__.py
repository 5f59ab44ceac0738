"""The Flink SQL grammar (flinksql.lark), shipped inside the package as flinklite.grammar."""
