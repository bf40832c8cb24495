"""Bytes to text for the legacy archive, without mojibake.

The pages were saved by FrontPage, Dreamweaver, MS Word and hand editors over a decade,
so a declared charset is a hint, not a fact. The order of trust follows what browsers did
when readers saw the pages: BOM, then valid UTF-8, then the declaration (with the WHATWG
rule that Latin-1/ASCII labels mean windows-1252), then detection, then windows-1252.
"""

import codecs
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

WINDOWS_1252 = "cp1252"

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers decode as something else (WHATWG Encoding Standard), or that Python
# does not know under the name the editors wrote.
_LABEL_ALIASES = {
    "iso8859-1": WINDOWS_1252,
    "latin-1": WINDOWS_1252,
    "ascii": WINDOWS_1252,
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gbk",
    "x-mac-roman": "mac-roman",
    "macintosh": "mac-roman",
    "x-user-defined": WINDOWS_1252,
    "ansi": WINDOWS_1252,
    "unicode": "utf-16",
    "x-sjis": "shift_jis",
}
_WESTERN_DETECTIONS = {"cp1252", "latin_1", "iso8859_15", "ascii", "windows_1252"}

_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_SNIFF_BYTES = 16384

# Files that are not pages whatever their name: images, archives and documents that
# mirrors saved as .htm. Their first bytes say so.
_BINARY_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF-",
    b"PK\x03\x04",  # ZIP, and the office formats built on it
    b"\x1f\x8b",  # gzip
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old MS Office documents
)
# C0 control bytes no page means: NUL and the like, left by old editors and FTP transfers.
# Not \t \n \r \f (text), nor ESC, SO and SI (ISO-2022 encodings switch with them). No
# ASCII-compatible encoding uses these bytes inside a multi-byte character, so removing
# them before decoding is safe; UTF-16/32 are left alone (see _is_wide).
_STRAY_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x10, 0x1B), *range(0x1C, 0x20), 0x7F])
# More stray bytes than this share of the file (and more than a few, for short pages):
# not text as a whole, but a binary file.
BINARY_SHARE = 0.02
_FEW_STRAY_BYTES = 8


@dataclass
class DecodedText:
    text: str
    encoding: str  # Python codec name actually used
    warnings: list[str] = field(default_factory=list)


def declared_charset(data: bytes) -> str | None:
    """The charset label a <meta> or XML declaration near the top announces, as written."""
    head = data[:_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def codec_for_label(label: str) -> str | None:
    """Python codec for a charset label, with browser semantics; None if unknown."""
    key = label.strip().lower()
    if key in _LABEL_ALIASES:
        return _LABEL_ALIASES[key]
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    return _LABEL_ALIASES.get(name, name)


def is_binary(data: bytes) -> bool:
    """Whether a file is not text as a whole: it starts with a known binary signature, or
    more than BINARY_SHARE of its bytes are stray controls. A few stray bytes in a page are
    removed by ``decode_html``, not a reason to refuse the page."""
    if data.startswith(_BINARY_SIGNATURES):
        return True
    if _is_wide(data):
        return False
    stray = _stray_count(data)
    return stray > _FEW_STRAY_BYTES and stray > BINARY_SHARE * len(data)


def _is_wide(data: bytes) -> bool:
    """UTF-16 or UTF-32, by its byte-order mark, or UTF-16 without one: NUL high bytes of
    the ASCII markup in every other byte, and (almost) none in the bytes between."""
    if data.startswith(tuple(bom for bom, codec in _BOMS if codec != "utf-8")):
        return True
    head = data[:_SNIFF_BYTES]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) / 2
    return max(even, odd) > 0.3 * half and min(even, odd) < 0.05 * half


def _stray_count(data: bytes) -> int:
    return len(data) - len(data.translate(None, _STRAY_BYTES))


def strip_stray_bytes(data: bytes) -> tuple[bytes, int]:
    """``data`` without stray control bytes, and how many there were (none removed from
    UTF-16/32, whose NULs are half of its characters)."""
    if _is_wide(data):
        return data, 0
    stripped = data.translate(None, _STRAY_BYTES)
    return stripped, len(data) - len(stripped)


def decode_html(data: bytes) -> DecodedText:
    """Decode a legacy page; never raises, never leaves U+FFFD or C1 controls in the text."""
    data, stray = strip_stray_bytes(data)
    result = _decode(data)
    if stray:
        result.warnings.insert(0, f"removed {stray} stray control byte(s)")
    text = clean_chars(result.text)  # first, so stray controls cannot hide a mojibake pair
    repaired = repair_mojibake(text)
    if repaired != text:
        result.warnings.append("repaired UTF-8 text that had been decoded as windows-1252")
    return DecodedText(clean_chars(repaired), result.encoding, result.warnings)


def _decode(data: bytes) -> DecodedText:
    if not data.strip():
        return DecodedText("", "utf-8")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with_replacement(data[len(bom) :], codec, [])
    warnings: list[str] = []
    label = declared_charset(data)
    codec = codec_for_label(label) if label else None
    if codec and codec.startswith(("utf-16", "utf-32")):
        codec = "utf-8"  # an ASCII-readable <meta> proves the file is not UTF-16
    if not data.isascii() and _is_utf8(data):
        if codec and codec != "utf-8":
            warnings.append(f"declared {label!r} but the bytes are UTF-8; decoded as utf-8")
        return DecodedText(data.decode("utf-8"), "utf-8", warnings)
    if codec:
        decoded = _decode_declared(data, codec, label or codec, warnings)
        if decoded:
            return decoded
    elif data.isascii() and b"\x00" not in data:  # NULs: probably UTF-16 without a BOM
        return DecodedText(data.decode("ascii"), "ascii", warnings)
    decoded = _decode_undeclared(data, warnings)
    if label and codec is None:
        decoded.warnings.insert(0, f"unknown charset {label!r}, decoded as {decoded.encoding}")
    return decoded


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_declared(
    data: bytes, codec: str, label: str, warnings: list[str]
) -> DecodedText | None:
    if codec == WINDOWS_1252:
        # Bytes windows-1252 leaves undefined are junk a browser shows as nothing useful.
        return _decode_with_replacement(data, codec, warnings)
    try:
        return DecodedText(data.decode(codec), codec, warnings)
    except (UnicodeDecodeError, LookupError):
        warnings.append(f"bytes are not valid {label!r}; guessed the encoding instead")
        return None


def _decode_undeclared(data: bytes, warnings: list[str]) -> DecodedText:
    codec = _detect(data)
    if codec and codec != WINDOWS_1252:
        codec = codecs.lookup(codec).name  # "utf_8" -> "utf-8"
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            warnings.append(f"no usable charset declared; detected {codec}")
            return DecodedText(text, codec, warnings)
    return _decode_with_replacement(data, WINDOWS_1252, warnings)


def _detect(data: bytes) -> str | None:
    """charset-normalizer's guess, biased to windows-1252: it happily calls short English
    text cp1250 or cp1125, which would turn every curly quote into the wrong letter."""
    try:
        matches = list(from_bytes(data))
    except Exception:  # a detector bug must not stop the import
        return None
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        equivalents = {match.encoding, *match.could_be_from_charset}
        if equivalents & _WESTERN_DETECTIONS and match.chaos <= best.chaos + 0.1:
            return WINDOWS_1252
    return best.encoding


def _decode_with_replacement(data: bytes, codec: str, warnings: list[str]) -> DecodedText:
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad:
        warnings.append(f"{bad} byte(s) not valid in {codec} were dropped")
    return DecodedText(text, codec, warnings)


# UTF-8 bytes that were once decoded as windows-1252 (or Latin-1) and saved again: a lead
# byte shown as Â..ô followed by continuation bytes shown as €..¿ (or their C1 twins).
_CONTINUATION = "".join(
    sorted(
        ({bytes([b]).decode(WINDOWS_1252, errors="ignore") for b in range(0x80, 0xC0)} - {""})
        | {chr(b) for b in range(0x80, 0xC0)}
    )
)
_CONT = "[" + re.escape(_CONTINUATION) + "]"
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}"
)


def _to_original_bytes(text: str) -> bytes:
    out = bytearray()
    for char in text:
        try:
            out += char.encode(WINDOWS_1252)
        except UnicodeEncodeError:
            out += char.encode("latin-1")  # C1 controls stand for themselves
    return bytes(out)


def _unmangle(match: re.Match[str]) -> str:
    try:
        return _to_original_bytes(match.group()).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return match.group()


# The closing quote U+201D ends in byte 0x9D, which windows-1252 lacks: double decoding
# usually lost it (or left U+FFFD), leaving a bare "â€".
_ORPHANED_CLOSING_QUOTE = re.compile(f"\u00e2\u20ac\ufffd?(?!{_CONT})")


def repair_mojibake(text: str) -> str:
    """Undo 'â€™'-style double decoding where the bytes prove it."""
    return _ORPHANED_CLOSING_QUOTE.sub("\u201d", _MOJIBAKE.sub(_unmangle, text))


def _c1_to_windows_1252(code: int) -> str:
    try:
        return bytes([code]).decode(WINDOWS_1252)
    except UnicodeDecodeError:
        return ""


# C1 controls (from Latin-1 decoding or &#146;-style references) mean what windows-1252
# says; other controls, U+FFFD and noncharacters carry nothing a reader saw.
_CHAR_FIXES: dict[int, str] = {code: _c1_to_windows_1252(code) for code in range(0x80, 0xA0)}
_CHAR_FIXES.update({code: "" for code in range(0x20) if chr(code) not in "\t\n\r\f"})
_CHAR_FIXES.update({0x7F: "", 0xFFFD: "", 0xFFFE: "", 0xFFFF: "", 0xFEFF: ""})


_NEEDS_FIX = re.compile("[" + "".join(map(chr, sorted(_CHAR_FIXES))) + "]")


def clean_chars(text: str) -> str:
    """Map C1 controls through windows-1252 and drop control/replacement characters
    (``translate`` reads every character in Python: only a text that needs it)."""
    return text.translate(_CHAR_FIXES) if _NEEDS_FIX.search(text) else text
