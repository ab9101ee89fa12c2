"""Board audits: a curriculum's hours against a credential standard, and the reports boards read.

`compute` turns agenda minutes into hours per domain, traced to segments, with required content and
warnings; `report` prints one audit or a summary as text, Markdown, JSON, CSV or HTML.
"""
