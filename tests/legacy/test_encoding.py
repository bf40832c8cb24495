"""decode_html: bytes to text, browser-style, with no mojibake."""

import codecs

import pytest

from legacy.parsing.encoding import (
    clean_chars,
    codec_for_label,
    declared_charset,
    decode_html,
    is_binary,
    repair_mojibake,
)

CURLY = "“Quoted” – it’s a café"
CURLY_CP1252 = b"\x93Quoted\x94 \x96 it\x92s a caf\xe9"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("iso-8859-1", "cp1252"),
        ("ISO-8859-1", "cp1252"),
        ("latin-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("windows-1252", "cp1252"),
        ("utf-8", "utf-8"),
        ("UTF8", "utf-8"),
        ("x-mac-roman", "mac-roman"),
        ("x-mac-foo", None),
    ],
)
def test_labels_follow_browser_semantics(label, codec):
    assert codec_for_label(label) == codec


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            "windows-1252",
        ),
        (b"<META HTTP-EQUIV=Content-Type CONTENT='text/html;charset=ISO-8859-1'>", "ISO-8859-1"),
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<meta charset=UTF-8>", "UTF-8"),
        (b'<?xml version="1.0" encoding="iso-8859-1"?><html>', "iso-8859-1"),
        (b"<html><head><title>x</title></head>", None),
    ],
)
def test_declared_charset_in_any_spelling(head, label):
    assert declared_charset(head) == label


@pytest.mark.parametrize("label", ["iso-8859-1", "latin-1", "us-ascii", "windows-1252"])
def test_latin1_labels_over_windows_1252_bytes(label):
    data = f'<meta charset="{label}"><p>'.encode() + CURLY_CP1252
    decoded = decode_html(data)
    assert decoded.encoding == "cp1252"
    assert CURLY in decoded.text
    assert decoded.warnings == []


def test_no_declaration_utf8():
    decoded = decode_html(f"<p>{CURLY}</p>".encode())
    assert (decoded.encoding, decoded.text) == ("utf-8", f"<p>{CURLY}</p>")


def test_no_declaration_windows_1252_is_not_guessed_as_central_european():
    decoded = decode_html(b"<p>" + CURLY_CP1252 + b"</p>")
    assert decoded.encoding == "cp1252"
    assert CURLY in decoded.text


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_marks(bom, codec):
    decoded = decode_html(bom + f"<p>{CURLY}</p>".encode(codec))
    assert decoded.text == f"<p>{CURLY}</p>"
    assert decoded.encoding == codec


def test_utf8_bytes_win_over_a_wrong_label():
    decoded = decode_html(f'<meta charset="iso-8859-1"><p>{CURLY}</p>'.encode())
    assert decoded.encoding == "utf-8"
    assert CURLY in decoded.text
    assert "bytes are UTF-8" in decoded.warnings[0]


def test_utf8_label_over_windows_1252_bytes_is_detected():
    decoded = decode_html(b'<meta charset="utf-8"><p>' + CURLY_CP1252 + b"</p>")
    assert decoded.encoding == "cp1252"
    assert CURLY in decoded.text
    assert any("not valid 'utf-8'" in warning for warning in decoded.warnings)


def test_unknown_charset_is_reported():
    decoded = decode_html(b"<meta charset=x-mac-foo><p>" + CURLY_CP1252)
    assert decoded.warnings[0] == "unknown charset 'x-mac-foo', decoded as cp1252"
    assert CURLY in decoded.text


def test_undefined_windows_1252_bytes_are_dropped_with_a_warning():
    decoded = decode_html(b"<meta charset=windows-1252><p>a\x81b\x8dc\x9d</p>")
    assert "\ufffd" not in decoded.text
    assert "abc" in decoded.text
    assert decoded.warnings == ["3 byte(s) not valid in cp1252 were dropped"]


def test_empty_input():
    assert decode_html(b"").text == ""


def test_c1_controls_and_replacement_characters_are_cleaned():
    assert clean_chars("it\x92s \x93q\x94 \ufffd\x00\x81") == "it’s “q” "


def test_mojibake_repair():
    assert repair_mojibake("Itâ€™s a cafÃ© â€œhitâ€\x9d") == "It’s a café “hit”"
    assert repair_mojibake("â€œlostâ€ byte") == "“lost” byte"
    assert repair_mojibake("Ordinary café text – fine.") == "Ordinary café text – fine."


def test_garbage_never_raises():
    for data in (b"\xff" * 50, b"\x00" * 50, bytes(range(256)), b"\xfe\xff\xd8"):
        decoded = decode_html(data)
        assert "\ufffd" not in decoded.text
        assert not any("\x80" <= char <= "\x9f" for char in decoded.text)


PAGE = (
    "<html><head><title>Delta Night</title></head><body>"
    + "<p>The lamp on the frozen lake keeps burning when every window is dark.</p>" * 20
    + "</body></html>"
).encode("cp1252")


def test_a_few_stray_control_bytes_are_removed_with_a_warning():
    data = PAGE.replace(b"lamp", b"la\x00mp", 2).replace(b"lake", b"\x1alake", 1)
    decoded = decode_html(data)
    assert not is_binary(data)
    assert decoded.text == PAGE.decode("cp1252")
    assert decoded.warnings == ["removed 3 stray control byte(s)"]


def test_tabs_line_ends_and_iso_2022_escapes_are_not_stray():
    data = "<p>\t日本語\r\n\f</p>".encode("iso-2022-jp")
    assert decode_html(b"<meta charset=iso-2022-jp>" + data).text.endswith("<p>\t日本語\r\n\f</p>")
    assert decode_html(data).warnings == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text_not_stray_nuls(codec):
    data = PAGE.decode("cp1252").replace("lamp", "lämp").encode(codec)
    decoded = decode_html(data)
    assert not is_binary(data)
    assert decoded.encoding == codec and "lämp" in decoded.text
    assert not any("stray" in warning for warning in decoded.warnings)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"GIF89a" + PAGE,
        b"\xff\xd8\xff\xe0" + PAGE,
        b"%PDF-1.4\n" + PAGE,
        b"PK\x03\x04" + PAGE,
        PAGE + bytes(range(32)) * 50,  # controls well over 2% of the bytes
        b"\x00" * 50,
    ],
)
def test_binary_files_by_signature_or_share_of_control_bytes(data):
    assert is_binary(data)


def test_a_page_is_not_binary():
    assert not is_binary(PAGE)
    assert not is_binary(b"")
    assert not is_binary(codecs.BOM_UTF16_LE + "<p>x</p>".encode("utf-16-le"))
