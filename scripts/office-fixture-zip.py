"""Writes test-fixtures/office/batch.zip: a batch of reports as a Windows user would email it.

Entry names are written in GBK without the UTF-8 flag (what Windows' built-in zip and many
Chinese tools do), beside a nested zip whose names are flagged UTF-8, and the clutter macOS and
Finder add. Written by hand because Python's zipfile always encodes names as UTF-8.
Usage: python3 scripts/office-fixture-zip.py test-fixtures/office
"""
import os
import struct
import sys
import zlib


def build_zip(entries):
    """entries: (name_bytes, data, utf8_flag). Returns the archive's bytes (deflated entries)."""
    local = bytearray()
    central = bytearray()
    for name, data, utf8 in entries:
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = comp.compress(data) + comp.flush()
        method = 8
        if not data:
            packed, method = b"", 0
        flags = 0x800 if utf8 else 0
        crc = zlib.crc32(data) & 0xFFFFFFFF
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x5A21, crc, len(packed), len(data), len(name), 0)
        local += name + packed
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, 0, 0x5A21, crc, len(packed), len(data), len(name), 0, 0, 0, 0, 0, offset)
        central += name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(local), 0)
    return bytes(local + central + end)


def main():
    out = sys.argv[1]
    read = lambda n: open(os.path.join(out, n), "rb").read()
    inner = build_zip([
        ("内层/001_43d6c315cbc0f57d.docx".encode("utf-8"), read("001_43d6c315cbc0f57d.docx"), True),
        ("003_402b3c2303c427b2.xls".encode("ascii"), read("003_402b3c2303c427b2.xls"), False),
    ])
    batch = build_zip([
        ("报告/".encode("gbk"), b"", False),
        ("报告/东风区2021年政府信息公开工作年度报告.docx".encode("gbk"), read("000_daa3a425bc8b9220.docx"), False),
        ("上海市2019年报.xlsx".encode("gbk"), read("shanghai-2019.xlsx"), False),
        ("分局报告.zip".encode("gbk"), inner, False),
        ("__MACOSX/报告/._东风区2021年政府信息公开工作年度报告.docx".encode("gbk"), b"\x00\x05\x16\x07junk", False),
        (b".DS_Store", b"\x00\x00\x00\x01Bud1", False),
    ])
    with open(os.path.join(out, "batch.zip"), "wb") as f:
        f.write(batch)


main()
