"""What every app shares: request helpers, admin form bases, content schema types. Imports no app."""
