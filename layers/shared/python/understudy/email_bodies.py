"""The text and HTML of every email, written out here rather than as jinja2 templates.

Rendering the first email of a cold start through jinja2 meant importing it (~11 ms of CPU) and
compiling the templates (~4 to 8 ms) on every request_review and notify cold start, more than a tenth
of the floor; these few fixed layouts need neither. HTML is still escaped automatically and by a
library: every HTML fragment is a ``markupsafe.Markup`` (what jinja2 itself escapes with) filled in by
``Markup.format``, which escapes each value that is not already Markup, so post text, notes, names,
alt text and feedback are always shown as text. The text part is plain text and is not escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from understudy.emails import InlineImage
    from understudy.model import Feedback, Post

MUTED = "color:#6e6e73;"
LINK = 'style="color:#5b4bd5;"'


def html(template: str, /, **values) -> Markup:
    """Our ``template`` (trusted markup) with ``values`` filled in, each escaped unless it is Markup."""
    # Every template is a literal in this module; values go through format, which escapes them.
    return Markup(template).format(**values)  # noqa: S704


def _each(template: str, items: Iterable, name: str = "item") -> Markup:
    return Markup("").join(html(template, **{name: item}) for item in items)


def _author(post: Post) -> str:
    return post.author_name or post.author


def page(subject: str, content: Markup, reason: str) -> str:
    """The frame around every HTML email (what base.html was)."""
    return str(html(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
        'content="width=device-width, initial-scale=1">\n<title>{subject}</title></head>\n'
        '<body style="margin:0;padding:0;background:#f4f4f6;font-family:-apple-system,Segoe UI,Roboto,Helvetica,'
        'Arial,sans-serif;color:#1d1d1f;">\n<div style="max-width:560px;margin:0 auto;padding:16px;">\n'
        '<div style="background:#fff;border-radius:8px;padding:20px;">\n{content}\n</div>\n'
        '<p style="font-size:12px;color:#6e6e73;line-height:1.4;margin:12px 4px;">{reason}</p>\n</div></body></html>',
        subject=subject, content=content, reason=reason))


def heading(text: str) -> Markup:
    return html('<h1 style="font-size:20px;margin:0 0 12px;">{text}</h1>', text=text)


def paragraph(text: str) -> Markup:
    return html('<p style="margin:0 0 12px;">{text}</p>', text=text)


def post_html(post: Post, channel_name: str, facts: list[str]) -> Markup:
    """The post as every email shows it: who, where, which revision, its text and its facts."""
    return html(
        '<p style="margin:0 0 4px;font-size:13px;' + MUTED + '">{author} on {channel} · revision {revision}</p>\n'
        '<blockquote style="margin:0 0 12px;padding:12px 14px;border-left:4px solid #5b4bd5;background:#f7f6fd;'
        'white-space:pre-wrap;font-size:16px;line-height:1.45;">{text}</blockquote>\n{facts}',
        author=_author(post), channel=channel_name, revision=post.revision, text=post.current.text,
        facts=_each('<p style="margin:0 0 8px;font-size:14px;">{item}</p>', facts))


def _images_html(images: tuple[InlineImage, ...]) -> Markup:
    if not images:
        return Markup("")
    cells = _each(
        '<td style="vertical-align:top;padding:0 8px 0 0;width:160px;"><img src="cid:{image.cid}" '
        'alt="{image.alt}" width="160" style="display:block;max-width:160px;height:auto;border:1px solid #d2d2d7;'
        'border-radius:4px;"><p style="margin:4px 0 0;font-size:12px;color:#3a3a3c;white-space:pre-wrap;">'
        '{image.alt}</p></td>', images, "image")
    return html(
        '<p style="margin:0 0 4px;font-size:13px;' + MUTED + '">{count} image{s}, each with the alt text people who '
        'cannot see it will hear:</p>\n<table role="presentation" style="border-collapse:collapse;margin:0 0 12px;">'
        '<tr>{cells}</tr></table>', count=len(images), s="s" if len(images) != 1 else "", cells=cells)


def _button(href: str, margin: str, colour: str, label: str) -> str:
    return (f'<a href="{href}" style="display:inline-block;{margin};padding:10px 16px;border-radius:6px;'
            f'background:{colour};color:#fff;text-decoration:none;">{label}</a>')


def review_html(post: Post, channel_name: str, facts: list[str], images: tuple[InlineImage, ...],
                links: dict[str, str], guidelines: list[str], expires: str) -> Markup:
    """What every email asking for a decision shows below its heading: the post, the links, the guidelines."""
    note = post.current.note
    listed = html(
        '<p style="margin:0 0 4px;font-size:13px;' + MUTED + '">From the guidelines:</p>\n'
        '<ul style="margin:0 0 8px;padding-left:20px;font-size:14px;">{items}</ul>',
        items=_each("<li>{item}</li>", guidelines)) if guidelines else ""
    return html(
        '{post}\n{images}\n{note}\n'
        '<p style="margin:16px 0 8px;">Open the post to decide; nothing happens until you press a button on that '
        'page.</p>\n<p style="margin:0 0 16px;">\n'
        + _button("{approve}", "margin:4px 6px 4px 0", "#1f7a3a", "Approve") + "\n"
        + _button("{changes}", "margin:4px 6px 4px 0", "#a35c00", "Ask for changes") + "\n"
        + _button("{reject}", "margin:4px 0", "#b3261e", "Reject") + "\n</p>\n"
        '{guidelines}\n<p style="font-size:13px;' + MUTED + '">The link works until {expires} (UTC).</p>',
        post=post_html(post, channel_name, facts), images=_images_html(images),
        note=html('<p style="margin:0 0 12px;"><strong>Their note:</strong> <span style="white-space:pre-wrap;">'
                  '{note}</span></p>', note=note) if note else "",
        approve=links["approve"], changes=links["request_changes"], reject=links["reject"],
        guidelines=listed, expires=expires)


def review_text(post: Post, facts: list[str], links: dict[str, str], guidelines: list[str], expires: str,
                reason: str) -> str:
    """The text part's counterpart of review_html, with the reason the person got the email."""
    media = post.current.media
    images = (f"\nImages ({len(media)}), with their alt text:\n" + "".join(f"- {image.alt}\n" for image in media)
              if media else "")
    note = f"\nTheir note: {post.current.note}\n" if post.current.note else ""
    listed = "\nFrom the guidelines:\n" + "".join(f"- {item}\n" for item in guidelines) if guidelines else ""
    return (f"\n{post.current.text}\n" + "".join(f"{fact}\n" for fact in facts) + images + note
            + "\nOpen the post to decide; nothing happens until you press a button on that page.\n\n"
            f"Approve:         {links['approve']}\nAsk for changes: {links['request_changes']}\n"
            f"Reject:          {links['reject']}\n{listed}\nThe link works until {expires} (UTC).\n\n--\n{reason}\n")


def quote(text: str, colour: str = "#a35c00", background: str = "#fdf7ef") -> Markup:
    return html('<blockquote style="margin:0 0 12px;padding:10px 14px;border-left:4px solid {colour};'
                'background:{background};white-space:pre-wrap;">{text}</blockquote>',
                colour=colour, background=background, text=text)


def feedback_html(feedback: Feedback | None) -> Markup:
    if not feedback:
        return Markup("")
    concerns = html('<p style="margin:0 0 4px;"><strong>Guidelines this concerns:</strong></p>\n'
                    '<ul style="margin:0 0 12px;padding-left:20px;">{items}</ul>',
                    items=_each("<li>{item}</li>", feedback.guidelines)) if feedback.guidelines else ""
    suggestion = html('<p style="margin:0 0 4px;"><strong>Suggested text:</strong></p>\n{quoted}\n'
                      '<p style="margin:0 0 12px;">You can use it with one click in Understudy, then resubmit.</p>',
                      quoted=quote(feedback.suggestion, "#5b4bd5", "#f4f2fd")) if feedback.suggestion else ""
    return html('<p style="margin:0 0 4px;"><strong>Feedback from {reviewer}:</strong></p>\n{quoted}\n{concerns}\n'
                '{suggestion}', reviewer=feedback.reviewer, quoted=quote(feedback.text), concerns=concerns,
                suggestion=suggestion)


def feedback_text(feedback: Feedback | None) -> str:
    if not feedback:
        return ""
    concerns = "\nGuidelines this concerns:\n" + "".join(f"- {item}\n" for item in feedback.guidelines) \
        if feedback.guidelines else ""
    suggestion = (f'\nSuggested text:\n"{feedback.suggestion}"\nYou can use it with one click in Understudy, '
                  "then resubmit.\n") if feedback.suggestion else ""
    return f"\nFeedback from {feedback.reviewer}:\n{feedback.text}\n{concerns}{suggestion}"


def live_links_html(live: Sequence[tuple[str, str]]) -> Markup:
    """A link to the post on each channel that has it, ``live`` being (channel name, address) pairs; each
    names its channel when there are several."""
    return Markup("").join(html('<p><a href="{url}" ' + LINK + ">See the live post{where}</a></p>", url=url,
                                where=f" on {name}" if len(live) > 1 else "") for name, url in live)


def live_links_text(live: Sequence[tuple[str, str]]) -> str:
    return "".join(f"See the live post{f' on {name}' if len(live) > 1 else ''}: {url}\n" for name, url in live)


def closing_html(next_step: str, console_url: str) -> Markup:
    return html('<p>{next_step}</p>\n<p><a href="{console_url}" ' + LINK + ">Open Understudy</a></p>",
                next_step=next_step, console_url=console_url)


def quoted_post_text(post: Post, channel_name: str) -> str:
    """The post as the author's emails quote it in text."""
    return f'"{post.current.text}"\n({channel_name}, revision {post.revision})\n'


def closing_text(next_step: str, console_url: str, reason: str) -> str:
    return f"\n{next_step}\n\nOpen Understudy: {console_url}\n\n--\n{reason}\n"
