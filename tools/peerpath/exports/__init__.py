"""Exports to learning platforms: GIFT and Moodle XML (Moodle), QTI 1.2 and 2.1, and SCORM 1.2 packages."""

KINDS = ("qti", "gift", "moodle-xml", "scorm")
