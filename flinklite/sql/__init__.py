"""SQL text to AST: statement splitting, parsing, unparsing."""
