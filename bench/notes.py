"""Why a target was missed: one paragraph per miss, computed from the run's own figures."""

from __future__ import annotations


def missed_target_notes(mk, zs, scale, build_growth, zensical_growth, scores, baselines, rate) -> list[str]:
    """One paragraph per target this run missed, with the figures that explain it."""
    notes = []
    if mk["ratio"] > 1.15 or zs["ratio"] > 1.15:
        shares = ", ".join(f"+{r['generate'] / r['build'] * 100:.0f} % at {r['modules']} modules" for r in scale)
        notes.append(
            f"- **Generation overhead.** With nothing changed, `peerpath generate` reuses the last good run and "
            f"costs {mk['generate']:.1f} s, most of it starting Python and importing its libraries; after an edit it "
            f"checks and renders everything ({mk['cold_generate']:.1f} s, ×{mk['cold_ratio']:.2f} with the build). "
            f"That fixed cost shrinks as content grows ({shares} on the MkDocs build, nothing reused). What would "
            "cut it further: reuse per file (only the edited module re-rendered), or generation inside the "
            "builder's process, as the `mkdocs serve` hook already does."
        )
    if any(g > 13 for g in build_growth + zensical_growth):
        notes.append(
            "- **Builder scaling.** Pages carry only the open part of the navigation (`navigation.prune`), and a "
            "part of more than 40 modules is listed as groups of about √n (`in_groups`), so a page of a "
            "1,000-module course carries about 64 links, not 1,000. PeerPath's own step stays near linear. "
            "Growth above ×13 here comes from the builder itself (search index, sitemap, one template render "
            "per page), or from a noisy run: compare the ×-figures of both builders in this table."
        )
    plain, bare = baselines.get("plain") or {}, baselines.get("bare") or {}
    for page, s in scores.items():
        if s.get("performance", 0) < 95:
            notes.append(_lighthouse_note(page, s, plain, bare))
        if s.get("failed"):
            notes.append(
                f"- **Lighthouse audits short of full marks on `{page}`** (in at least one of the runs): "
                + ", ".join(f"`{audit}`" for audit in s["failed"])
                + "."
            )
    if rate < 50:
        notes.append(
            f"- **Certificates: {rate:.0f} per second.** Certificates are drawn fifty to a document (the fonts "
            "embedded once) and split into one file each; what is left is drawing the text and the QR code, and "
            "splitting. What would help: more cores."
        )
    return notes


def _lighthouse_note(page: str, s: dict, plain: dict, bare: dict) -> str:
    ours = s.get("performance", 0)
    if "performance" in bare:
        extra = bare["performance"] - ours
        share = "so they are not the cause" if extra <= 5 else f"so they cost about {extra} points"
        cause = f"with PeerPath's scripts emptied the module page scores {bare['performance']}, {share}"
    else:
        cause = "the share of PeerPath's scripts was not measured"
    measured = (
        f"Medians: total blocking time {s['total-blocking-time']:.0f} ms, first contentful paint "
        f"{s['first-contentful-paint'] / 1000:.1f} s, largest contentful paint "
        f"{s['largest-contentful-paint'] / 1000:.1f} s. "
        if "total-blocking-time" in s
        else ""
    )
    return (
        f"- **Lighthouse performance on `{page}`: {ours}.** {measured}The plain Material page of one module, with "
        f"no navigation, scores {plain.get('performance', '?')}; {cause}. The search index is no longer "
        "fetched when a page opens (`search-on-demand.js`); what is left is the theme's bundle, whose start-up "
        "reads sizes and scroll positions and so forces style and layout of the whole page, several times. "
        "Lighthouse simulates a throttled phone from what it observes, so single runs on a shared machine vary "
        "widely (hence the median)."
    )
