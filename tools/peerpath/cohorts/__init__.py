"""A trainer's cohorts: rosters, schedules, certificates and the public registry of issued codes.

Rosters (YAML or the CSV a spreadsheet saves) are read and checked, schedules laid out from agendas,
certificates issued and revoked in all-or-nothing batches, and the registry appended to safely.
Learners' personal data stays in the trainer's files; only hashes and initials reach the registry.
"""
