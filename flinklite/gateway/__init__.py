"""Remote execution: the same session, its statements run on a Flink cluster through Flink's SQL
Gateway REST API (`rest`), with Flink's types and values turned into flinklite's (`values`)."""
