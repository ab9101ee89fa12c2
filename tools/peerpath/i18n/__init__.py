"""Every string PeerPath itself prints, in the reader's language: gettext catalogs through Babel.

English is the source language: the message ids are the English text, so English needs no catalog
lookup. Other languages have a catalog, `locales/<lang>/LC_MESSAGES/peerpath.po`, read with Babel
(no compiled .mo files are kept in git). Python code asks `gettext(lang)` for its `_`; templates get
`_()` from `templating.render(..., lang=...)`; the browser scripts get a JSON catalog per language.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages import mofile, pofile
from babel.support import NullTranslations, Translations

DOMAIN = "peerpath"
LOCALES = Path(__file__).parent / "locales"
LANGUAGES = {"en": "English", "es": "Español"}  # code -> the language's own name, for the switcher
SOURCE_LANGUAGE = "en"


class UnknownLanguage(ValueError):
    pass


def catalog_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> NullTranslations:
    """The catalog for `lang`; English is the message ids themselves."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    if lang == SOURCE_LANGUAGE:
        return NullTranslations()
    with catalog_path(lang).open("rb") as f:
        catalog = pofile.read_po(f, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    mofile.write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(lang: str) -> Callable[[str], str]:
    """`_ = gettext(lang)`, then `_("Certificate of Completion")`."""
    return translations(lang).gettext


def ngettext(lang: str) -> Callable[[str, str, int], str]:
    return translations(lang).ngettext


def pgettext(lang: str) -> Callable[[str, str], str]:
    """For one English word that needs two Spanish ones: `pgettext(lang)("board result", "meets")`."""
    return translations(lang).pgettext


def N_(message: str) -> str:
    """Marks a string for the catalog where it is defined; it is translated where it is shown."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Marks a message with a context (msgctxt) for the catalog: `pgettext(lang)(*NP_("kind", "break"))`."""
    return context, message
