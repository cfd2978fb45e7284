"""A report's identity, read off its cleaned head lines (plus front matter, export columns, path).

Every field is ``None`` when nothing says it; nothing is guessed. Evidence, in order of trust:

- ``report_date`` / ``meeting``: the dateline (``——2024年1月15日在重庆市渝中区第十九届人民代表大会第五次
  会议上``), else a date in the title (``（2024年1月21日 胡衡华）``);
- ``speaker`` / ``speaker_title``: the byline (``重庆市渝中区人民政府区长 谢 东`` → ``谢东``, ``区长``),
  else a name in the title's parenthesis (speaker only);
- ``region``: the dateline's place (``在重庆市渝中区第十九届…``), the byline's government
  (``…人民政府区长``), the title, an export's ``region``/``province`` column, and last the lawtext-gov
  folder (``政府工作报告-主要城市/重庆市/2024.md``; ``政府工作报告-国务院`` → 中国);
- ``year``: the year the report was delivered — ``report_date``'s year, else the title's year, else an
  export's ``year`` column, else the lawtext-gov file name.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipelines.ingest import regions
from pipelines.ingest.normalize import join_cjk_spaces

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇○零一二三四五六七八九十"
DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN_NUM}O]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN_NUM}]{{1,3}})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|[{_CN_NUM}]{{1,3}})\s*日"
)
MEETING = re.compile(  # 第十九届人民代表大会第五次会议; abbreviated as written: 第十七届人大四次会议
    rf"第\s*[{_CN_NUM}百\d]+\s*届\s*(?:全国\s*)?人民代表大会\s*第\s*[{_CN_NUM}\d]+\s*次\s*(?:全体\s*)?会议"
    rf"|第?\s*[{_CN_NUM}百\d]+\s*届\s*人大\s*第?\s*[{_CN_NUM}\d]+\s*次\s*(?:全体\s*)?会议"
)
DATELINE_PLACE = re.compile(
    rf"在\s*(?P<place>[\u4e00-\u9fff]{{0,24}}?)\s*第?\s*[{_CN_NUM}百\d]+\s*届\s*(?P<national>全国)?\s*(?:人民代表大会|人大)"
)
SPEAKER_TITLES = r"(?:代理|代)?(?:省长|市长|区长|县长|州长|盟长|旗长|主席|总理|专员|行政长官)"
_NAME = r"[\u4e00-\u9fff](?:\s{0,3}[\u4e00-\u9fff]){1,3}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,16}"
BYLINE = re.compile(
    # 重庆市渝中区人民政府区长 谢 东 / 国务院总理 温家宝 / 市长：吴庆文
    rf"^(?P<org>[\u4e00-\u9fff]{{0,30}}?)\s*(?P<title>{SPEAKER_TITLES})\s*[：:]?\s+(?P<name>{_NAME})$"
    rf"|^(?P<org1>[\u4e00-\u9fff]{{0,30}}?)\s*(?P<title1>{SPEAKER_TITLES})[：:]\s*(?P<name1>{_NAME})$"
    # 上海市市长杨雄 / 自治州州长吾肉孜阿力·哈西哈尔巴依 (no space: the org must end in a unit word)
    rf"|^(?P<org2>[\u4e00-\u9fff]{{0,30}}?(?:政府|国务院|自治区|自治州|省|市|区|县|盟|旗))(?P<title2>{SPEAKER_TITLES})"
    rf"(?P<name2>{_NAME})$"
)
SPACED_TITLE = re.compile(r"(代|省|市|区|县|州|盟|旗|主|总)\s+(长|席|理)")
TITLE_SPEAKER = re.compile(
    r"[（(][^（()）]*?\d{1,2}日\s*(?P<name>(?!在)(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,16}))[)）]"
)
TITLE_LIKE = re.compile(r"工作报告")
TITLE_PLACE = re.compile(r"^(?:[（(][^（()）]{1,12}[)）])?(?:\d{4}年)?(?P<place>[\u4e00-\u9fff]{2,24}?)(?:人民)?政府工作报告")
YEAR_IN_TITLE = re.compile(r"(\d{4})\s*年")
LAWTEXT_FOLDER = re.compile(r"政府工作报告-(?P<kind>国务院|省自治区|主要城市|其他地市)/(?:(?P<place>[^/]+)/)?(?P<year>\d{4})[^/]*\.md$")
ORG_SUFFIX = re.compile(r"(?:人民政府|政府|国务院)$")


@dataclass
class Metadata:
    title: str | None = None
    region: str | None = None
    province: str | None = None
    admin_level: str | None = None
    region_code: str | None = None
    year: int | None = None
    report_date: dt.date | None = None
    meeting: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    source_url: str | None = None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _cn_int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if all(ch in CN_DIGITS for ch in text) and len(text) == 4:  # 一九五八
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    if len(text) == 1 and text in CN_DIGITS:
        return CN_DIGITS[text]
    return None


def parse_date(text: str) -> dt.date | None:
    m = DATE.search(text)
    if not m:
        return None
    y, mth, d = _cn_int(m.group("y")), _cn_int(m.group("m")), _cn_int(m.group("d"))
    try:
        return dt.date(y, mth, d) if y and mth and d else None
    except ValueError:
        return None


def head_lines(paragraphs: list[str], limit: int = 40) -> list[str]:
    """Lines before (and including) the salutation, at most ``limit``."""
    head = []
    for line in paragraphs[:limit]:
        head.append(line)
        if line.startswith(("各位代表", "同志们", "代表们")):
            break
    return head


def _dateline(head: list[str]) -> str | None:
    for line in head:
        if ("会议" in line or "會議" in line or "人民代表大" in line) and DATE.search(line):
            return line
    return None


def _place_from_org(org: str) -> str | None:
    org = ORG_SUFFIX.sub("", org or "")
    org = re.sub(r"人民$", "", org)
    return org or None


def lawtext_path_evidence(source_path: str) -> tuple[str | None, int | None]:
    """(place, year) from a lawtext-gov path; ``政府工作报告-国务院`` → 中国."""
    m = LAWTEXT_FOLDER.search(source_path.replace("\\", "/"))
    if not m:
        return None, None
    place = "中国" if m.group("kind") == "国务院" else m.group("place")
    return place, int(m.group("year"))


def read_metadata(
    paragraphs: list[str],
    *,
    source_path: str,
    front_matter: dict | None = None,
    export: dict | None = None,
    page_title: str | None = None,
    furniture: dict | None = None,
) -> Metadata:
    front_matter = front_matter or {}
    export = export or {}
    furniture = furniture or {}
    head = head_lines(paragraphs)
    md = Metadata()

    # title
    fm_title = front_matter.get("title")
    title_candidates = [str(fm_title).strip() if fm_title else None, export.get("title"), page_title]
    head_titles = []
    for line in head:
        if TITLE_LIKE.search(line) and len(line) <= 80 and not line.startswith(("现在", "各位")):
            head_titles.append(join_cjk_spaces(re.split(r"——", line)[0]).strip())
    head_titles = [t for t in head_titles if t]
    if head_titles:
        specific = [t for t in head_titles if t not in ("政府工作报告", "工作报告")]
        title_candidates.append(specific[-1] if specific else head_titles[-1])
    md.title = next((t for t in title_candidates if t), None)

    # date and meeting
    dateline = _dateline(head)
    if dateline:
        md.report_date = parse_date(dateline)
        m = MEETING.search(dateline)
        if m:
            md.meeting = re.sub(r"\s+", "", m.group(0))
    if md.report_date is None:
        for t in (md.title, page_title, export.get("title")):
            if t and (d := parse_date(t)):
                md.report_date = d
                break
    if md.meeting is None:
        for line in head:
            if (m := MEETING.search(line)) and len(line) < 120:
                md.meeting = re.sub(r"\s+", "", m.group(0))
                break

    # speaker
    byline_org = None
    for line in head:
        if len(line) > 60:
            continue
        m = BYLINE.match(SPACED_TITLE.sub(r"\1\2", line))  # 省 长 李成玉 → 省长 李成玉
        if m:
            k = next(k for k in ("", "1", "2") if m.group("name" + k))
            md.speaker = join_cjk_spaces(m.group("name" + k))
            md.speaker_title = m.group("title" + k)
            byline_org = m.group("org" + k)
            break
    if md.speaker is None:
        # （2004年1月8日 司马义·铁力瓦尔地） in the front matter title or a head line: a name, no title
        for t in (md.title, *head):
            if t and len(t) <= 80 and (m := TITLE_SPEAKER.search(t)):
                md.speaker = m.group("name")
                break

    # region
    path_place, path_year = lawtext_path_evidence(source_path)
    candidates: list[str] = []
    if dateline and (m := DATELINE_PLACE.search(dateline)):
        candidates.append("中国" if m.group("national") else m.group("place"))
    if byline_org:
        candidates.append(_place_from_org(byline_org) or "")
    for t in (md.title, export.get("title"), page_title):
        if t and (m := TITLE_PLACE.search(join_cjk_spaces(t))):
            place = m.group("place")
            candidates.append("中国" if place in ("国务院",) else place)
    candidates += [export.get("region") or "", export.get("province") or "", path_place or ""]
    region = None
    for place in candidates:
        if place and (region := regions.lookup(place)):
            break
    if region is not None:
        md.region, md.province, md.admin_level, md.region_code = (
            region.region, region.province, region.admin_level, region.region_code,
        )
    elif path_place or export.get("province"):
        md.region = path_place or export.get("province")

    # year of delivery
    if md.report_date:
        md.year = md.report_date.year
    else:
        for t in (md.title, export.get("title")):
            if t and (m := YEAR_IN_TITLE.search(t)) and 1949 <= int(m.group(1)) <= 2100:
                md.year = int(m.group(1))
                break
        if md.year is None and str(export.get("year", "")).strip().isdigit():
            md.year = int(str(export["year"]).strip())
        if md.year is None:
            md.year = path_year

    # source url
    for key in ("source_url", "source", "url"):
        value = front_matter.get(key)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str)), None)
        if isinstance(value, str) and value.strip():
            md.source_url = value.strip()
            break
    md.source_url = md.source_url or export.get("source_url") or furniture.get("source_url")
    return md
