"""Sizes: every block of a page, every Markdown page and every built HTML page within the limits of
data/policy/allowlist.yml (`limits`). A page that outgrows them is a mistake or an attack: a 5 MB
paragraph passed every other check and grew the site to 24 MB. Each finding gives both numbers."""

from __future__ import annotations

from pathlib import Path

from scripts.core.findings import Finding
from scripts.core.paths import DOCS, rel
from scripts.core.policy import Policy, for_root
from scripts.text.blocks import parse_page


def _over(size: int, limit: int, unit: str) -> str:
    return f"{size:,} {unit}, over the limit of {limit:,} {unit}"


def check(docs: Path = DOCS, policy: Policy | None = None) -> list[Finding]:
    """Every block and Markdown page of `docs` over its limit."""
    policy = policy or for_root(docs.parent)
    limits = policy.limits
    findings = []
    for path in sorted(docs.glob("*/**/*.md")):  # a document's pages in its folder too
        size = path.stat().st_size
        if size > limits["page_bytes"]:
            findings.append(
                Finding(
                    rel(path),
                    1,
                    "limits",
                    "",
                    f"the page is {_over(size, limits['page_bytes'], 'bytes')} (limits.page_bytes of {policy.where})",
                )
            )
            continue  # its blocks are not read: the page alone is the finding
        for block in parse_page(path):
            for label, text in [("", block.markdown), *((f" (note {n.label})", n.markdown) for n in block.notes)]:
                if len(text) > limits["paragraph_chars"]:
                    findings.append(
                        Finding(
                            rel(path),
                            block.line,
                            "limits",
                            block.id,
                            f"the {block.kind}{label} is {_over(len(text), limits['paragraph_chars'], 'characters')} "
                            f"(limits.paragraph_chars of {policy.where})",
                        )
                    )
    return findings


def check_site(site: Path, policy: Policy | None = None) -> list[Finding]:
    """Every built HTML page of `site` over its limit."""
    policy = policy or for_root(DOCS.parent)
    limit = policy.limits["site_page_bytes"]
    return [
        Finding(
            path.relative_to(site).as_posix(),
            1,
            "limits",
            "",
            f"the built page is {_over(path.stat().st_size, limit, 'bytes')} (limits.site_page_bytes of {policy.where})",
        )
        for path in sorted(site.rglob("*.html"))
        if path.stat().st_size > limit
    ]
