"""The learner site: validated curriculum in, a docs folder and builder configuration out.

Generated pages (modules, trainer editions, workbook, progress, boards), the quiz's HTML, the builder
configuration with its navigation, the staged build that keeps the last good site, and the watcher
that regenerates for builders without hooks. No file here depends on MkDocs internals.
"""
