"""SQL models: every ``sql/**/*.sql`` file is one view named as the file.

A file holds one ``SELECT`` (CTEs welcome) and opens with a comment saying its grain and inputs.
A model that is costly to compute and read often may say ``-- materialized: table`` in that
comment: it is then built as a table (recomputed on every run that rebuilds the models) instead of
a view.
The build order is derived, not declared: a model depends on every other model whose name it
mentions as an identifier, and models are built in topological order (a cycle is an error).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb

from pipelines.config import SQL_DIR
from pipelines.warehouse.seeds import seeds_digest

_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.S)
_MATERIALIZED = re.compile(r"^materialized:\s*(view|table)\b", re.M)
_STRING = re.compile(r"'(?:[^']|'')*'")


@dataclass(frozen=True)
class SqlModel:
    name: str
    path: Path
    sql: str
    deps: tuple[str, ...]

    @property
    def description(self) -> str:
        """The file's opening comment (its grain and inputs)."""
        lines = []
        for line in self.sql.splitlines():
            if not line.startswith("--"):
                break
            lines.append(line[2:].strip())
        return "\n".join(lines)

    @property
    def materialized(self) -> str:
        """``view`` (the default) or ``table`` (``-- materialized: table`` in the opening comment)."""
        m = _MATERIALIZED.search(self.description)
        return m.group(1) if m else "view"


def _identifiers(sql: str) -> set[str]:
    body = _STRING.sub("''", _COMMENT.sub(" ", sql))
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", body))


def references(sql: str, names) -> set[str]:
    """Which of ``names`` (tables, views) the SQL mentions as identifiers (comments and strings
    ignored)."""
    return _identifiers(sql) & set(names)


def discover_models(sql_dir: Path) -> list[SqlModel]:
    """All models under sql_dir in build order."""
    files = {p.stem: p for p in sorted(Path(sql_dir).rglob("*.sql"))}
    raw = {name: p.read_text(encoding="utf-8") for name, p in files.items()}
    deps = {name: tuple(sorted((_identifiers(sql) & raw.keys()) - {name}))
            for name, sql in raw.items()}
    order = list(TopologicalSorter(deps).static_order())
    return [SqlModel(name, files[name], raw[name], deps[name]) for name in order]


def create_view(con: duckdb.DuckDBPyConnection, model: SqlModel) -> None:
    """Create (or replace) the model's view, or its table when it is materialized as one."""
    body = model.sql.strip().rstrip(";")
    kind = "TABLE" if model.materialized == "table" else "VIEW"
    existing = con.execute("SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' "
                           "AND table_name = ?", [model.name]).fetchone()
    if existing and existing[0] == "VIEW" and kind == "TABLE":
        con.execute(f'DROP VIEW "{model.name}"')
    elif existing and existing[0] != "VIEW" and kind == "VIEW":
        con.execute(f'DROP TABLE "{model.name}"')
    con.execute(f'CREATE OR REPLACE {kind} "{model.name}" AS\n{body}')


def models_digest(sql_dir: Path = SQL_DIR) -> str:
    """A digest of every model file and seed: the views must be rebuilt when it changes."""
    digest = hashlib.sha256()
    for path in sorted(Path(sql_dir).rglob("*.sql")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(seeds_digest().encode())  # views: a changed seed CSV rebuilds the views too
    return digest.hexdigest()[:16]
