"""A news page of dated items, split into one article per item (no Django)."""

import datetime

from legacy.parsing.accounting import document_account
from legacy.parsing.document import Kind
from legacy.parsing.news import news_items
from legacy.parsing.parser import parse_document
from legacy.parsing.text import blocks_text

NEWS = (
    "<html><head><title>News</title></head><body><h2>News</h2>"
    "<p><b>12 November 2010</b><br>The festival closed with three premieres. More soon.</p>"
    "<p><b>3. Oktober 2010</b> - Wir haben elf neue Kritiken zu Büchern geschrieben.</p>"
    '<p><b>1er mai 2010</b> : Nouveau : <a href="films/ran.htm">Ran</a>, revu en salle.</p>'
    "</body></html>"
)


def test_each_dated_item_is_an_article_with_its_date_and_title():
    page = parse_document(NEWS.encode(), "news.htm")
    assert page.kind is Kind.NEWS
    items = news_items(page)
    assert [item.source_path for item in items] == ["news.htm#1", "news.htm#2", "news.htm#3"]
    assert [item.published for item in items] == [
        datetime.date(2010, 11, 12),
        datetime.date(2010, 10, 3),
        datetime.date(2010, 5, 1),
    ]
    assert items[0].title == "The festival closed with three premieres"
    assert items[2].links == ["films/ran.htm"]
    for item in items:
        assert item.kind is Kind.NEWS and item.blocks
        assert document_account(item).lost == 0


def test_a_page_with_one_dated_item_stays_whole():
    one = NEWS.split("<p><b>3.")[0] + "</body></html>"
    assert news_items(parse_document(one.encode(), "news.htm")) == []


def test_an_introduction_before_the_first_date_stays_with_the_first_item():
    intro = "<p>Welcome to the club's notice board, where the committee posts its news.</p>"
    page = parse_document(NEWS.replace("<h2>News</h2>", f"<h2>News</h2>{intro}").encode(), "n.htm")
    first, second, third = (blocks_text(item.blocks) for item in news_items(page))
    assert "Welcome to the club's notice board" in first
    assert "notice board" not in second + third
    assert first.index("notice board") < first.index("three premieres")
