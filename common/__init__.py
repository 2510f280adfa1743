"""What every app shares: request helpers, admin form bases, content schema types.

It imports no app."""
