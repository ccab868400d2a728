"""Render: a registry of output formats, each a function ``Article -> str``."""

from __future__ import annotations

import json
from collections.abc import Callable

from .model import Article

Renderer = Callable[[Article, bool], str]
RENDERERS: dict[str, Renderer] = {}


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    """Register an output format under a name (used by ``--format``)."""

    def register(fn: Renderer) -> Renderer:
        RENDERERS[name] = fn
        return fn

    return register


def render(article: Article, fmt: str, *, explain: bool = False) -> str:
    try:
        fn = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(RENDERERS)})") from None
    return fn(article, explain)


@renderer("text")
def render_text(article: Article, explain: bool = False) -> str:
    """The title, a blank line, the body paragraphs separated by blank lines."""
    parts: list[str] = []
    if article.title:
        parts.append(article.title)
    parts.extend(article.body)
    out = "\n\n".join(parts)
    if explain:
        out += "\n\n" + explain_table(article)
    return out + "\n" if out else ""


@renderer("json")
def render_json(article: Article, explain: bool = False) -> str:
    return json.dumps(article.to_dict(explain=explain), ensure_ascii=False) + "\n"


@renderer("markdown")
def render_markdown(article: Article, explain: bool = False) -> str:
    """Title as heading, byline/date line, body, captions with credits, related links."""
    out: list[str] = []
    if article.title:
        out.append(f"# {_md_escape_line(article.title)}")
    meta = " · ".join(x for x in (article.byline, article.date) if x)
    if meta:
        out.append(f"*{meta}*")
    for k, para in enumerate(article.body):
        if k in article.heading_indexes:
            out.append(f"## {_md_escape_line(para)}")
        else:
            out.append(_md_escape_line(para))
    if article.captions:
        out.append("## Captions")
        out.append(
            "\n".join(
                f"- {c.text}" + (f" ({c.credit})" if c.credit else "") for c in article.captions
            )
        )
    if article.credits:
        out.append("## Credits")
        out.append("\n".join(f"- {c}" for c in article.credits))
    if article.related:
        out.append("## Related")
        out.append(
            "\n".join(
                f"- [{r.title}]({r.url})" if r.url else f"- {r.title}" for r in article.related
            )
        )
    text = "\n\n".join(out)
    if explain:
        text += "\n\n" + explain_table(article)
    return text + "\n" if text else ""


def _md_escape_line(text: str) -> str:
    """Keep a paragraph from being read as Markdown structure (heading, list, quote)."""
    if text[:1] in "#>*+-=|" or (text[:1].isdigit() and ". " in text[:5]):
        return "\\" + text
    return text


def explain_table(article: Article) -> str:
    """One line per input line: number, label, text, reason (tab-separated)."""
    return "\n".join(
        f"{line.n}\t{line.label.value}\t{line.text}\t{line.reason}" for line in article.lines
    )
