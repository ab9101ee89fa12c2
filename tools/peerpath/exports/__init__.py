"""Exports to learning platforms: GIFT (Moodle), QTI 1.2 and 2.1, and SCORM 1.2 packages."""

KINDS = ("qti", "gift", "scorm")
