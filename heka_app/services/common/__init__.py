"""Cross-cutting helpers every domain may use: clock, secrets, results, emails, localized
text, single-use claims, Finnish identity codes, payment references and typed table
access. Nothing here imports a feature domain."""
