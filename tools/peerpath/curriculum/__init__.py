"""What trainers write, read and checked: module files and YAML become validated models.

Reading files safely (encodings, sizes, YAML with line numbers), validating them against the models, the
checks no single file can make (ids, topics, course order, quiz targets), the rules for authored Markdown,
check warnings (review dates, objectives), and the pure arithmetic every other part shares: contact
minutes and hours by topic. Nothing here knows about a site, an audit or a cohort.
"""
