"""Wording helpers for the records PeerPath prints (audits, schedules, sign-in sheets, certificates).

English keeps the wording it always had (ISO dates, 'a, b and c'); other languages use Babel's
locale data: '4 de enero de 2027', 'a, b y c'. Numbers keep a decimal point in every language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from peerpath.i18n import LANGUAGES, SOURCE_LANGUAGE, UnknownLanguage


def check_language(value: str) -> str:
    """A language code PeerPath has a catalog for; the error names the known ones."""
    if value not in LANGUAGES:
        raise UnknownLanguage(f"unknown language {value!r}: one of {', '.join(LANGUAGES)}")
    return value


@cache
def _date(day: dt.date, lang: str) -> str:
    from babel.dates import format_date  # Babel's locale data loads only for a record not in English

    return format_date(day, format="long", locale=lang)


def date_text(day: dt.date, lang: str = SOURCE_LANGUAGE) -> str:
    """2027-01-04 in English records (as they have always read), '4 de enero de 2027' in Spanish."""
    return day.isoformat() if lang == SOURCE_LANGUAGE else _date(day, lang)


def weekday_date_text(day: dt.date, lang: str = SOURCE_LANGUAGE) -> str:
    """'Monday 2027-01-04' / 'lunes, 4 de enero de 2027'."""
    if lang == SOURCE_LANGUAGE:
        return day.strftime("%A %Y-%m-%d")
    from babel.dates import format_date

    return format_date(day, format="EEEE, d 'de' MMMM 'de' y", locale=lang)


def list_text(items: Sequence[str], lang: str = SOURCE_LANGUAGE) -> str:
    """'a, b and c' / 'a, b y c'."""
    if not items:
        return ""
    if lang == SOURCE_LANGUAGE:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    from babel.lists import format_list

    return format_list(list(items), locale=lang)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "extract this, translate it later")
    """Marks a message for the catalog where it is defined; `_()` translates it where it is printed."""
    return message


@cache
def catalog_characters(lang: str) -> str:
    """Every character of a language's catalog: what a PDF font cut down to its text must keep."""
    from peerpath.i18n import translations

    if lang == SOURCE_LANGUAGE:
        return ""
    catalog = getattr(translations(lang), "_catalog", {})
    return "".join(sorted({c for text in catalog.values() if isinstance(text, str) for c in text}))


# Agenda segment kinds as printed in schedules and audits; English prints the kind's own id.
SEGMENT_KINDS = {
    kind: kind
    for kind in (
        N_("presentation"), N_("discussion"), N_("role-play"), N_("practice"), N_("case-study"), N_("small-group"),
        N_("reading"), N_("reflection"), N_("quiz"), N_("opening"), N_("closing"), N_("break"),
    )
}  # fmt: skip


def kind_name(kind: str, lang: str = SOURCE_LANGUAGE) -> str:
    from peerpath.i18n import gettext

    return gettext(lang)(SEGMENT_KINDS.get(kind, kind))
