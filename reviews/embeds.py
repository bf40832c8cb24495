"""Trailer embeds built from the video URL alone.

Wagtail's default oEmbed finder asks the provider over the network at render time; the
magazine must render without reaching the web, so known video hosts are embedded
directly (privacy-enhanced players) and anything else is refused.
"""

import re
from urllib.parse import parse_qs, urlparse

from django.utils.html import format_html

from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
VIDEO_ID = re.compile(r"^[\w-]{6,20}$")


def player_url(url: str) -> str | None:
    """The embeddable player address for a YouTube or Vimeo page URL, else None."""
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = parsed.path.strip("/")
        elif parsed.path.startswith("/embed/"):
            video_id = parsed.path.removeprefix("/embed/")
        else:
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        if VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    if host in VIMEO_HOSTS:
        video_id = parsed.path.rstrip("/").rsplit("/", 1)[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?dnt=1"
    return None


class VideoEmbedFinder(EmbedFinder):
    def __init__(self, **options):
        self.options = options

    def accept(self, url: str) -> bool:
        return player_url(url) is not None

    def find_embed(self, url: str, max_width: int | None = None, max_height: int | None = None):
        src = player_url(url)
        if src is None:
            raise EmbedNotFoundException
        html = format_html(
            '<iframe src="{}" title="Trailer" width="640" height="360" loading="lazy" '
            'allow="fullscreen; picture-in-picture" referrerpolicy="strict-origin"></iframe>',
            src,
        )
        return {
            "title": "Trailer",
            "author_name": "",
            "provider_name": urlparse(src).hostname,
            "type": "video",
            "thumbnail_url": None,
            "width": 640,
            "height": 360,
            "html": html,
        }


embed_finder_class = VideoEmbedFinder
