"""Trailers embed from the URL alone: nothing is fetched from the web."""

from wagtail.embeds.exceptions import EmbedNotFoundException

import pytest

from reviews.embeds import VideoEmbedFinder, player_url


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        ),
        ("https://youtu.be/aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://example.com/video.mp4", None),
        ("javascript:alert(1)", None),
        ("https://www.youtube.com/watch?v=<script>", None),
    ],
)
def test_player_url(url, player):
    assert player_url(url) == player


def test_finder_refuses_unknown_hosts():
    finder = VideoEmbedFinder()
    assert not finder.accept("https://example.com/x")
    with pytest.raises(EmbedNotFoundException):
        finder.find_embed("https://example.com/x")


def test_finder_builds_an_iframe_with_a_title():
    embed = VideoEmbedFinder().find_embed("https://youtu.be/aqz-KE-bpKQ")
    assert 'title="Trailer"' in embed["html"]
    assert embed["type"] == "video"
