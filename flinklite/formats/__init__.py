"""Format factories, found by their 'format' identifier."""
