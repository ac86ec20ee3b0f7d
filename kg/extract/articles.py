"""Read an article file and its metadata (command-line options, then an ``ARTICLE.json`` sidecar).

Bad input is met with a :class:`~kg.errors.KgError` that names the file and says what to do:
a missing file, an empty text, binary data (an image or PDF renamed ``.txt``), a text over the size
limit. Input that can still be used gets a warning instead (via :func:`kg.errors.warn`): a text that
is not UTF-8 is read as Windows-1252, an HTML page saved as ``.txt`` is reduced to its text, a text
that does not look like English is extracted anyway.
"""
from __future__ import annotations

import codecs
import json
import re
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KgError, warn
from .records import Article
from .webpage import WebPage

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

#: Largest article text read, in bytes (``--max-bytes``). spaCy's parser needs memory in proportion
#: to the text, and refuses texts over 1,000,000 characters by default.
DEFAULT_MAX_BYTES = 1_000_000
#: An HTML page may be this many times larger than the limit (scripts and markup), as long as its
#: text is within the limit.
HTML_ALLOWANCE = 10

# (leading bytes, what the file is): formats that are never an article text
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", None),  # bitmap: only with a NUL soon after, checked below
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", None),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def parse_iso_date(value: str, what: str = "--date") -> str:
    """Check a YYYY-MM-DD date and return it (a full ISO timestamp is cut to its date)."""
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ]\S*)?", text)
    try:
        if match:
            return date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        pass
    raise KgError(f"{what}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2025-11-28")


def read_sidecar(path: Path) -> dict:
    """Metadata from ``ARTICLE.json`` beside the article, if there is one."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise KgError(f"{sidecar}: metadata is not UTF-8 text; save it as UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise KgError(
            f"{sidecar}: not valid JSON metadata (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "fix it or remove it"
        ) from None
    except OSError as exc:
        raise KgError(f"{sidecar}: cannot read metadata: {exc.strerror}") from None
    if not isinstance(data, dict):
        raise KgError(f"{sidecar}: metadata must be a JSON object with url, title, source, published")
    return data


def binary_kind(raw: bytes) -> str | None:
    """What a file is if it is clearly not text ("a PDF document"), else None."""
    head = raw[:64]
    for magic, kind in MAGIC:
        if head.startswith(magic):
            if kind is not None:
                return kind
            if b"\x00" in raw[: 1024]:
                return "a bitmap image" if magic == b"BM" else "a bzip2 archive"
    if raw[4:8] == b"ftyp":
        return "an MP4/MOV/HEIC media file"
    if head.startswith(b"RIFF") and raw[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[raw[8:12]]
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' if ``raw`` looks like UTF-16 text without a byte-order mark."""
    sample = raw[:4096]
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


# control characters other than whitespace (C0 but tab to carriage return, DEL, C1) and the
# replacement character: what binary data read as text is full of
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def decode_text(path: Path, raw: bytes) -> str:
    """Decode an article's bytes: UTF-8 (or UTF-16/32 with a byte-order mark); refuse binary data.

    Text that is not UTF-8 is read as Windows-1252 (Latin-1 plus curly quotes), with a warning.
    """
    kind = binary_kind(raw)
    if kind:
        raise KgError(f"{path}: looks like {kind}, not an article text; save the article's text as .txt (UTF-8)")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise KgError(f"{path}: starts with a {encoding.upper()} byte-order mark but does not decode "
                              f"({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    encoding = _utf16_without_bom(raw)
    if encoding:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            text = None
        if text is not None and _control_share(text) < 0.01:
            warn(f"{path}: read as {encoding.upper()} (no byte-order mark); save it as UTF-8 to be sure")
            return text
    if b"\x00" in raw[:65536]:
        raise KgError(f"{path}: contains NUL bytes, so it looks like binary data, not an article text; "
                      "save the article's text as .txt (UTF-8)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
            name = "Windows-1252"
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
            name = "Latin-1"
        if _control_share(text) <= 0.01:
            warn(
                f"{path}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); read it as {name}. "
                f"If accents look wrong, convert it: iconv -f {name.upper().replace('LATIN-1', 'LATIN1')} -t UTF-8"
            )
    if _control_share(text) > 0.01:
        raise KgError(f"{path}: full of control characters, so it looks like binary data, not an article text; "
                      "save the article's text as .txt (UTF-8)")
    return text


@dataclass
class ArticleScan:
    """The article files found in the paths given, and the files of folders that were passed over."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # neither an article nor an article's sidecar


def collect_article_paths(paths: list[Path], recursive: bool = False) -> ArticleScan:
    """Article files from files and folders (a folder gives its *.txt, *.html and *.htm, sorted;
    with ``recursive`` those of its sub-folders too). A file named on its own must be an article;
    a folder's other files are listed as skipped (a sidecar .json beside its article is not)."""
    scan = ArticleScan()
    for path in map(Path, paths):
        if path.is_dir():
            found, skipped = _scan_folder(path, recursive)
            if not found:
                deep = " or its sub-folders" if recursive else ""
                raise KgError(f"{path}: no article files (*.txt, *.html, *.htm) in this folder{deep}; "
                              "add some or name the files to read" + ("" if recursive else " (--recursive looks into sub-folders)"))
            scan.files.extend(found)
            scan.skipped.extend(skipped)
        elif not path.exists():
            raise KgError(f"{path}: no such file or folder; check the path")
        elif path.suffix.lower() == ".json" and _article_beside(path):
            continue  # "kg extract dir/*": the sidecar of an article also named
        else:
            check_article_name(path)
            scan.files.append(path)
    if not scan.files:
        raise KgError("no articles given; name article files (.txt, .html) or folders of them")
    return scan


def check_article_name(path: Path) -> None:
    """A file named on the command line must be an article text or a web page, not data or notes."""
    suffix = path.suffix.lower()
    if suffix in ARTICLE_SUFFIXES or suffix in HTML_SUFFIXES:
        return
    if suffix == ".json":
        raise KgError(f"{path}: a .json file is an article's metadata, and no article (.txt, .html) of that name "
                      "is beside it; name the article file itself")
    kind = f"a {suffix} file" if suffix else "a file without an extension"
    raise KgError(f"{path}: {kind} is not an article; kg extract reads article texts (.txt) and web pages "
                  "(.html, .htm): save the article as .txt, or rename it if it is one")


def _article_beside(sidecar: Path) -> bool:
    return any(sidecar.with_suffix(s).is_file() for s in ARTICLE_SUFFIXES + HTML_SUFFIXES)


def _scan_folder(folder: Path, recursive: bool) -> tuple[list[Path], list[Path]]:
    entries = folder.rglob("*") if recursive else folder.iterdir()
    found, skipped = [], []
    for p in sorted(entries):
        if any(part.startswith(".") for part in p.relative_to(folder).parts) or not p.is_file():
            continue  # hidden files and folders (.git, .DS_Store) are not the user's articles
        if p.suffix.lower() in ARTICLE_SUFFIXES:
            found.append(p)
        elif not (p.suffix.lower() == ".json" and _article_beside(p)):
            skipped.append(p)
    return found, skipped


def _read_bytes(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes, so that a huge file never fills memory."""
    try:
        with open(path, "rb") as fh:
            return fh.read(limit + 1)
    except PermissionError:
        raise KgError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise KgError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _too_big(path: Path, size: int, limit: int, what: str = "") -> KgError:
    return KgError(
        f"{path}: {what}{size:,} bytes is over the limit of {limit:,} bytes for one article; "
        "split it into articles, or raise the limit with --max-bytes"
    )


def read_article_text(path: Path, max_bytes: int | None = None, any_language: bool = False) -> str:
    """The text of an article file (HTML reduced to its main text), checked as described above."""
    return read_article_page(path, max_bytes, any_language).text


def read_article_page(path: Path, max_bytes: int | None = None, any_language: bool = False) -> WebPage:
    """An article file's text, with the title, date and site a web page gives (none for plain text)."""
    return page_from_bytes(Path(path), read_article_bytes(path, max_bytes), max_bytes, any_language)


def read_article_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """An article file's bytes, refused when missing, not a file, over the size limit or empty."""
    path = Path(path)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else int(max_bytes)
    if not path.exists():
        raise KgError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise KgError(f"{path}: is a folder, not an article file")
    if not path.is_file():
        raise KgError(f"{path}: is not a regular file (a device or pipe?); give an article file")
    is_html_name = path.suffix.lower() in HTML_SUFFIXES
    raw_limit = limit * HTML_ALLOWANCE if is_html_name else limit
    size = path.stat().st_size
    raw = b"" if size > raw_limit else _read_bytes(path, raw_limit)
    if size > raw_limit or len(raw) > raw_limit:
        if is_html_name:
            raise _too_big(path, max(size, len(raw)), raw_limit, "an HTML page of ")
        raise _too_big(path, max(size, len(raw)), limit)
    if not raw.strip():
        raise KgError(f"{path}: the article is empty ({'0 bytes' if not raw else 'only whitespace'}); "
                      "give a file with the article's text")
    return raw


def page_from_bytes(path: Path, raw: bytes, max_bytes: int | None = None, any_language: bool = False) -> WebPage:
    """The text of an article file's bytes (read by :func:`read_article_bytes`, maybe on another
    machine), checked as described above; ``path`` names the file in messages and decides HTML."""
    limit = DEFAULT_MAX_BYTES if max_bytes is None else int(max_bytes)
    is_html_name = path.suffix.lower() in HTML_SUFFIXES
    text = decode_text(path, raw)
    if text.startswith("\ufeff"):
        text = text[1:]
    page = WebPage(text)
    if is_html_name or _looks_like_html(text):
        from .webpage import read_web_page

        if not is_html_name:
            warn(f"{path}: looks like an HTML page, not plain text; reading the page's main text")
        page = read_web_page(text)
        text = page.text
        if not text.strip():
            raise KgError(f"{path}: the HTML page has no readable text (only markup and scripts); "
                          "save the article's text as .txt instead")
    if not text.strip():
        raise KgError(f"{path}: the article has no text (only whitespace); give a file with the article's text")
    if len(text.encode("utf-8")) > limit:
        raise _too_big(path, len(text.encode("utf-8")), limit, "the text of ")
    from .language import looks_english

    guess = looks_english(text)
    if not guess.english:
        if not any_language:
            raise KgError(f"{path}: does not look like English ({guess.reason}); extraction is built for English "
                          "news and would make a graph of wrong facts. --any-language extracts it anyway")
        warn(f"{path}: does not look like English ({guess.reason}); extracting it anyway (--any-language): "
             "expect few or wrong facts")
    return page


def _looks_like_html(text: str) -> bool:
    from .htmltext import looks_like_html

    return looks_like_html(text)


@dataclass
class ArticleFile:
    """An article file's bytes and its sidecar's metadata, read where the file is, so that the
    article can be made anywhere else (a Dask worker on another machine) with :meth:`article`."""

    path: str
    raw: bytes
    meta: dict = field(default_factory=dict)
    meta_error: str | None = None  # a bad sidecar, reported after the text's own checks, as read_article does

    @classmethod
    def read(cls, path: Path, max_bytes: int | None = None) -> "ArticleFile":
        raw = read_article_bytes(path, max_bytes)
        try:
            return cls(str(path), raw, read_sidecar(Path(path)))
        except KgError as exc:
            return cls(str(path), raw, meta_error=str(exc))

    def article(self, published: str | None = None, url: str | None = None, title: str | None = None,
                source: str | None = None, max_bytes: int | None = None, any_language: bool = False) -> Article:
        """The Article, as :func:`read_article` makes it from the file."""
        path = Path(self.path)
        page = page_from_bytes(path, self.raw, max_bytes, any_language)
        if self.meta_error:
            raise KgError(self.meta_error)
        meta = self.meta  # the sidecar wins over what the page itself says
        published = published or meta.get("published") or page.published
        if published:
            published = parse_iso_date(str(published), f"{path.with_suffix('.json')}: published")
        return Article(
            slug=path.stem,
            text=page.text,
            url=url or _meta_str(meta, "url"),
            title=title or _meta_str(meta, "title") or page.title,
            source=source or _meta_str(meta, "source") or page.site,
            published=published,
        )


def read_article(
    path: Path,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    max_bytes: int | None = None,
    any_language: bool = False,
) -> Article:
    """Build an Article from a file; options override the sidecar's metadata."""
    return ArticleFile.read(path, max_bytes).article(published, url, title, source, max_bytes, any_language)


def _meta_str(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def article_from_text(text: str, slug: str = "article", published: str | None = None, **meta) -> Article:
    """An Article from a string, for library users and tests."""
    return Article(slug=re.sub(r"\s+", "-", slug), text=text, published=published, **meta)

