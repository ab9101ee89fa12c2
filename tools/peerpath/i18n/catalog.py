"""`make messages`: gather every string PeerPath shows into build/peerpath.pot and bring each language's
catalog in step with it (new strings arrive with an empty msgstr; strings no longer used are dropped).

What is read is in babel.cfg: the Python (`_()`, `ngettext()`, `pgettext()`, the markers `N_()` and
`NP_()`), the templates (`_()` and `{% trans %}`) and the browser scripts (`t()` and `tn()`). The tests
run the same extraction, so a string missing from a catalog, or left over in one, fails `make test`.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from peerpath.i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE, catalog_path

PACKAGE = Path(__file__).parent.parent  # tools/peerpath: babel.cfg's paths are inside it
MAPPING = Path(__file__).with_name("babel.cfg")
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2), "t": None, "tn": (1, 2)}
TEMPLATE = Path("build") / f"{DOMAIN}.pot"


def extract_catalog() -> Catalog:
    """Every message the code, templates and scripts use, with where each is used."""
    from babel.messages.frontend import parse_mapping_cfg

    with MAPPING.open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f, str(MAPPING))
    catalog = Catalog(project="PeerPath", domain=DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, method_map, options_map, keywords=KEYWORDS
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def updated(lang: str, template: Catalog) -> Catalog:
    """`lang`'s catalog with exactly the template's messages; translations kept, none guessed."""
    with catalog_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    return catalog


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog, no_location=True, ignore_obsolete=True, sort_output=True)


def main() -> None:
    template = extract_catalog()
    write(template, TEMPLATE)
    for lang in LANGUAGES:
        if lang != SOURCE_LANGUAGE:
            catalog = updated(lang, template)
            write(catalog, catalog_path(lang))
            empty = sum(1 for m in catalog if m.id and not m.string)
            print(f"{catalog_path(lang)}: {len(catalog)} messages, {empty} to translate")


if __name__ == "__main__":
    main()
