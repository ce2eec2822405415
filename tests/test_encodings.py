"""Bytes in, bytes out: BOMs, line endings, invalid UTF-8, legacy encodings, binary
files and empty files, each through the real command line."""

from __future__ import annotations

import os

import pytest

from .helpers import run_cli

ARTICLE = "The minister said the talks would go on next week."
CAFE = "Le café de la gare a rouvert ses portes après des années de travaux, à la joie des habitués."




def page(article: str, nl: str = "\n") -> str:
    return nl.join(["Back to top", "", article, "", "Share | Tweet", ""])


@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param(page(ARTICLE).encode(), (ARTICLE + "\n").encode(), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + page(ARTICLE).encode(), b"\xef\xbb\xbf" + (ARTICLE + "\n").encode(), id="utf-8 BOM kept"),
        pytest.param(page(ARTICLE, "\r\n").encode(), (ARTICLE + "\r\n").encode(), id="CRLF kept"),
        pytest.param(page(ARTICLE, "\r").encode(), (ARTICLE + "\r").encode(), id="CR kept"),
        pytest.param(
            b"\xef\xbb\xbf" + page(ARTICLE + "\r\nA second line of it.", "\r\n").encode(),
            b"\xef\xbb\xbf" + (ARTICLE + "\r\nA second line of it.\r\n").encode(),
            id="BOM and CRLF",
        ),
        pytest.param(
            b"Back to top\nCaf\xe9 society \xff\xfe met on Tuesday, the mayor said.\n",
            b"Caf\xe9 society \xff\xfe met on Tuesday, the mayor said.\n",
            id="invalid UTF-8 bytes untouched",
        ),
        pytest.param(b"", b"", id="empty"),
        pytest.param(b"   \n\n\t\n", b"", id="whitespace only"),
        pytest.param(b"\xef\xbb\xbf", b"\xef\xbb\xbf", id="BOM only"),
    ],
)
def test_round_trip_stdin_and_in_place(tmp_path, raw, expected):
    r = run_cli("-", input=raw)
    assert r.returncode == 0, r.stderr
    assert r.stdout == expected
    f = tmp_path / "page.txt"
    f.write_bytes(raw)
    r = run_cli("-i", str(f))
    assert r.returncode in (0, 1), r.stderr
    assert f.read_bytes() == expected
    assert (r.returncode == 1) == (raw != expected)
    # A second run settles.
    assert run_cli("--check", str(f)).returncode == 0


def test_clean_text_with_bom_and_crlf_is_not_rewritten(tmp_path):
    f = tmp_path / "clean.txt"
    data = b"\xef\xbb\xbf" + (ARTICLE + "\r\n").encode()
    f.write_bytes(data)
    before = os.stat(f).st_mtime_ns
    r = run_cli("-i", str(f))
    assert r.returncode == 0, r.stderr
    assert f.read_bytes() == data and os.stat(f).st_mtime_ns == before


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_is_read_and_written_back_in_it(tmp_path, encoding):
    text = page("\u201cQuoted\u201d " + CAFE if encoding == "cp1252" else CAFE)
    f = tmp_path / "page.txt"
    f.write_bytes(text.encode(encoding))
    expected = (("\u201cQuoted\u201d " if encoding == "cp1252" else "") + CAFE + "\n").encode(encoding)
    r = run_cli("--encoding", encoding, "-", input=text.encode(encoding))
    assert r.returncode == 0, r.stderr
    assert r.stdout == expected.decode(encoding).encode()  # printed: UTF-8, the terminal's
    r = run_cli("--encoding", encoding, "-i", str(f))
    assert r.returncode == 1, r.stderr
    assert f.read_bytes() == expected


def test_utf16_with_encoding_flag_is_not_taken_for_binary(tmp_path):
    f = tmp_path / "page.txt"
    f.write_bytes(page(CAFE).encode("utf-16"))
    r = run_cli("--encoding", "utf-16", "-i", str(f))
    assert r.returncode == 1, r.stderr
    assert f.read_bytes() == (CAFE + "\n").encode("utf-16")


def test_encoding_auto_detects_a_legacy_encoding(tmp_path):
    body = " ".join([CAFE] * 3)
    raw = page(body).encode("cp1252")
    r = run_cli("--encoding", "auto", "-", input=raw)
    assert r.returncode == 0, r.stderr
    assert r.stdout == (body + "\n").encode()  # printed: UTF-8, the terminal's
    f = tmp_path / "page.txt"
    f.write_bytes(raw)
    assert run_cli("--encoding", "auto", "-i", str(f)).returncode == 1
    assert f.read_bytes() == (body + "\n").encode("cp1252")


def test_encoding_auto_keeps_utf8_as_utf8():
    r = run_cli("--encoding", "auto", "-", input=page(CAFE).encode())
    assert r.stdout == (CAFE + "\n").encode()


def test_wrong_explicit_encoding_fails_with_one_line(tmp_path):
    f = tmp_path / "page.txt"
    f.write_bytes(b"caf\xc3\xa9 \x81\x8d")
    r = run_cli("--encoding", "cp1252", str(f))
    # cp1252 leaves 0x81 and 0x8d undefined.
    assert r.returncode == 123
    assert r.stderr.decode().strip() == f"newsclean: error: {f}: not valid cp1252 at byte 6"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize("raw", [PNG, b"Back to top\nText\x00with a NUL byte.\n"], ids=["png", "nul"])
def test_binary_files_are_skipped_never_rewritten(tmp_path, raw):
    f = tmp_path / "image.txt"
    f.write_bytes(raw)
    before = os.stat(f).st_mtime_ns
    r = run_cli("-i", str(f))
    assert r.returncode == 0
    assert f"{f}: binary file (NUL bytes), skipped".encode() in r.stderr
    assert f.read_bytes() == raw and os.stat(f).st_mtime_ns == before
    r = run_cli(str(f))
    assert r.stdout == b"" and b"skipped" in r.stderr
