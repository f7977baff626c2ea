"""Cross-cutting helpers every domain may use: clock, secrets, results, emails, localized
text, single-use claims, Finnish identity codes and payment references. Nothing here imports
a feature domain."""
