"""Reading release files: a zip as downloaded, an unpacked folder, or an http(s) URL; strict CSV parsing."""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import urllib.request
import zipfile
import zlib
from pathlib import Path, PurePosixPath

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
from tqdm import tqdm

from foodca.importers.errors import ImportFileError

_ARROW_TYPES = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
_CHECK_CHUNK = 16 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download(url: str, folder: Path, timeout: float = 30.0) -> Path:
    """Download `url` into `folder` with a progress bar; a partial download never keeps the final name."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / PurePosixPath(url.split("?")[0]).name
    partial = target.with_name(target.name + ".part")
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (maintainer-given URL)
        total = int(response.headers.get("Content-Length") or 0) or None
        with open(partial, "wb") as out, tqdm(total=total, unit="B", unit_scale=True, desc=target.name) as bar:
            for block in iter(lambda: response.read(1 << 20), b""):
                out.write(block)
                bar.update(len(block))
    partial.replace(target)
    return target


class ReleaseFiles:
    """The CSV members of one release, whether zipped or unpacked; found by base name."""

    def __init__(self, path: Path):
        self.path = path
        self.label = path.name
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}
        if not path.exists():
            raise ImportFileError(str(path), "no such file or folder")
        if path.is_dir():
            for csv_path in sorted(path.rglob("*.csv")):
                self._members.setdefault(csv_path.name, str(csv_path))
        else:
            try:
                self._zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise ImportFileError(path.name, f"not a readable zip file ({exc}); is the download truncated?") from exc
            for info in self._zip.infolist():
                name = PurePosixPath(info.filename).name
                if name.endswith(".csv"):
                    self._members.setdefault(name, info.filename)
        if not self._members:
            raise ImportFileError(path.name, "holds no CSV files")

    def describe(self) -> dict:
        if self.path.is_dir():
            digest = hashlib.sha256()
            size = 0
            for name in sorted(self._members):
                member = Path(self._members[name])
                digest.update(name.encode() + b"\0" + sha256_of(member).encode())
                size += member.stat().st_size
            return {"name": self.label, "sha256": digest.hexdigest(), "bytes": size}
        return {"name": self.label, "sha256": sha256_of(self.path), "bytes": self.path.stat().st_size}

    def has(self, name: str) -> bool:
        return name in self._members

    def where(self, name: str) -> str:
        return f"{self.label}/{self._members.get(name, name)}" if self._zip else self._members.get(name, name)

    def read_bytes(self, name: str) -> bytes:
        member = self._members[name]
        try:
            if self._zip is not None:
                return self._zip.read(member)
            return Path(member).read_bytes()
        except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
            raise ImportFileError(self.where(name), f"cannot be read ({exc}); is the file truncated or corrupt?") from exc

    def read_csv(self, name: str, columns: dict[str, str], required: bool = True) -> pd.DataFrame | None:
        """Parse member `name`, keeping `columns` ({name: "int"|"float"|"str"}); errors name the file and line."""
        if name not in self._members:
            if required:
                raise ImportFileError(self.label, f"{name} is missing from the release")
            return None
        return parse_csv(self.read_bytes(name), self.where(name), columns)


def parse_csv(data: bytes, where: str, columns: dict[str, str]) -> pd.DataFrame:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    _check_utf8(data, where)
    end = data.find(b"\n")
    header_line = data[: end if end >= 0 else len(data)].decode("utf-8").rstrip("\r")
    header = next(csv.reader([header_line]), [])
    missing = [column for column in columns if column not in header]
    if missing:
        raise ImportFileError(where, f"missing column(s) {', '.join(missing)}; the header is {header_line[:200]!r}", line=1)
    options = pacsv.ConvertOptions(
        include_columns=list(columns),
        column_types={column: _ARROW_TYPES[kind] for column, kind in columns.items()},
        strings_can_be_null=False,
    )
    try:
        table = pacsv.read_csv(io.BytesIO(data), convert_options=options)
    except pa.ArrowInvalid as exc:
        _raise_with_line(data, where, header, columns, exc)
    frame = table.to_pandas()
    for column, kind in columns.items():
        if kind == "str":
            frame[column] = frame[column].astype(object)
    return frame


def _check_utf8(data: bytes, where: str) -> None:
    view = memoryview(data)
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(data), _CHECK_CHUNK):
        try:
            decoder.decode(view[start:start + _CHECK_CHUNK], final=start + _CHECK_CHUNK >= len(data))
        except UnicodeDecodeError:
            try:
                bytes(view[: start + _CHECK_CHUNK]).decode("utf-8")
            except UnicodeDecodeError as exact:
                line = data.count(b"\n", 0, exact.start) + 1
                raise ImportFileError(where, f"is not UTF-8 (byte 0x{data[exact.start]:02x})", line=line) from None
            raise ImportFileError(where, "is not UTF-8 (truncated multi-byte character at the end)") from None


def _raise_with_line(data: bytes, where: str, header: list[str], columns: dict[str, str], error: Exception):
    """The fast parser failed: walk the file with the csv module to name the first bad line."""
    positions = {column: header.index(column) for column in columns}
    text = io.StringIO(data.decode("utf-8"), newline="")
    reader = csv.reader(text)
    next(reader, None)
    for row in reader:
        line = reader.line_num
        if len(row) != len(header):
            raise ImportFileError(where, f"has {len(row)} fields, the header has {len(header)} (truncated file?)", line=line) from error
        for column, kind in columns.items():
            value = row[positions[column]]
            if kind == "str" or value == "":
                continue
            try:
                int(value) if kind == "int" else float(value)
            except ValueError:
                raise ImportFileError(where, f"column {column}: {value!r} is not a{'n integer' if kind == 'int' else ' number'}", line=line) from error
    raise ImportFileError(where, f"cannot be parsed: {error}") from error
