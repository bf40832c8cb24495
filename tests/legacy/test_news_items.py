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


def _parse(site):
    from legacy.parsing.parser import parse_site

    pages = site.render().items()
    return parse_site([(html.encode(site.charset, "xmlcharrefreplace"), p) for p, html in pages])


def test_a_film_log_table_with_a_date_on_each_row_is_no_news():
    """Date / Film / Comments / two ratings, 60 rows: rows of data, not 60 articles."""
    from legacy.parsing.news import split_news
    from tests.sites.corpora import family_film_log

    documents = {d.source_path: d for d in _parse(family_film_log())}
    log = documents["films.htm"]
    assert log.kind is not Kind.NEWS
    assert news_items(log) == []
    assert "Dad liked" not in log.title and "rented from the shop" in blocks_text(log.blocks)
    assert split_news(documents.values()).items == {}


def test_a_site_gets_no_more_news_articles_than_a_share_of_its_pages_unless_asked():
    """40 dated one-line updates on a site of 29 pages stay one page, with a warning that
    says how many articles a split would make and how to ask for it."""
    from legacy.parsing.news import split_news
    from tests.sites.corpora import family_film_log

    documents = _parse(family_film_log())
    splits = split_news(documents)
    assert splits.items == {} and splits.held_back == {"index.htm": 40}
    home = next(d for d in documents if d.source_path == "index.htm")
    assert any("40 articles" in w and "--section 'index.htm=news'" in w for w in home.warnings)
    asked = split_news(_parse(family_film_log()), asked=lambda path: path == "index.htm")
    assert len(asked.items["index.htm"]) == 40 and asked.held_back == {}


def test_a_magazines_news_page_of_prose_items_is_split():
    from legacy.parsing.news import split_news
    from tests.sites.corpora import year_folder_magazine

    splits = split_news(_parse(year_folder_magazine()))
    assert list(splits.items) == ["1999/news.htm"] and len(splits.items["1999/news.htm"]) == 3
    assert [item.published.month for item in splits.items["1999/news.htm"]] == [11, 9, 7]
