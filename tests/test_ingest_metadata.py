"""Metadata readers on real head lines from the corpus, and the GB/T 2260 table."""
import datetime as dt

import pytest

from pipelines.ingest.metadata import lawtext_path_evidence, parse_date, read_metadata
from pipelines.ingest.regions import lookup

BYLINES = [
    ("重庆市渝中区人民政府区长 谢 东", "谢东", "区长"),
    ("国务院总理 温家宝", "温家宝", "总理"),
    ("自治区人民政府主席 张雨浦", "张雨浦", "主席"),
    ("市长 张效廉", "张效廉", "市长"),
    ("代市长 李晓波", "李晓波", "代市长"),
    ("省 长 李成玉", "李成玉", "省长"),
    ("上海市市长杨雄", "杨雄", "市长"),
    ("市长：吴庆文", "吴庆文", "市长"),
    ("自治州州长吾肉孜阿力·哈西哈尔巴依", "吾肉孜阿力·哈西哈尔巴依", "州长"),
    ("泉州市人民政府市长 朱 明", "朱明", "市长"),
    ("（2004年1月8日 司马义·铁力瓦尔地）", "司马义·铁力瓦尔地", None),
    ("（2024年1月21日在福州市第十六届人民代表大会第三次会议上）", None, None),
    ("在市委坚强领导下全市经济增长", None, None),
]


@pytest.mark.parametrize("line, speaker, title", BYLINES, ids=[b[0] for b in BYLINES])
def test_byline(line, speaker, title):
    md = read_metadata([line, "各位代表："], source_path="x.txt")
    assert (md.speaker, md.speaker_title) == (speaker, title)


DATELINES = [
    ("——2024年1月15日在重庆市渝中区第十九届人民代表大会第五次会议上", dt.date(2024, 1, 15), "第十九届人民代表大会第五次会议", "重庆市渝中区"),
    ("——2006 年12 月28 日 在泉州市第十四届人民代表大会第一次会议上", dt.date(2006, 12, 28), "第十四届人民代表大会第一次会议", "泉州市"),
    ("政 府 工 作 报 告 ——2006年3月5日在第十届全国人民代表大会第四次会议上", dt.date(2006, 3, 5), "第十届全国人民代表大会第四次会议", "中国"),
    ("——一九五八年二月一日在第一届全国人民代表大会第五次会议上", dt.date(1958, 2, 1), "第一届全国人民代表大会第五次会议", "中国"),
    ("——2025年1月12日在苏州市第十七届人大四次会议上", dt.date(2025, 1, 12), "第十七届人大四次会议", "苏州市"),
]


@pytest.mark.parametrize("line, date, meeting, region", DATELINES, ids=[d[3] + str(d[1]) for d in DATELINES])
def test_dateline(line, date, meeting, region):
    md = read_metadata([line, "各位代表："], source_path="x.txt")
    assert (md.report_date, md.meeting, md.region, md.year) == (date, meeting, region, date.year)


@pytest.mark.parametrize(
    "path, evidence",
    [
        ("lawtext-gov/政府工作报告-主要城市/重庆市/2024.md", ("重庆市", 2024)),
        ("政府工作报告-主要城市/重庆市/2024.md", ("重庆市", 2024)),
        ("lawtext-gov/政府工作报告-国务院/2024.md", ("中国", 2024)),
        ("政府工作报告-国务院/1964-part.md", ("中国", 1964)),
        ("政府工作报告-其他地市/邢台市/2021-08.md", ("邢台市", 2021)),
        ("web/yuzhong-2024-web.txt", (None, None)),
    ],
)
def test_lawtext_path_evidence(path, evidence):
    assert lawtext_path_evidence(path) == evidence


def test_path_is_evidence_only_when_text_is_silent():
    md = read_metadata(["各位代表：", "现在，我代表市人民政府向大会报告工作。"],
                       source_path="lawtext-gov/政府工作报告-其他地市/海西蒙古族藏族自治州/2016.md")
    assert (md.region, md.province, md.admin_level, md.region_code, md.year) == (
        "海西蒙古族藏族自治州", "青海省", "city", "632800", 2016)
    md = read_metadata(["——2016年1月6日在池州市第三届人民代表大会第五次会议上", "各位代表："],
                       source_path="lawtext-gov/政府工作报告-其他地市/沧州市/2016.md")
    assert md.region == "池州市"  # the text wins over a mis-filed path


REGIONS = [
    ("重庆市渝中区", "重庆市渝中区", "重庆市", "district", "500103"),
    ("渝中区", "重庆市渝中区", "重庆市", "district", "500103"),
    ("重庆市", "重庆市", "重庆市", "province", "500000"),
    ("四川省", "四川省", "四川省", "province", "510000"),
    ("宁夏回族自治区", "宁夏回族自治区", "宁夏回族自治区", "province", "640000"),
    ("泉州市", "泉州市", "福建省", "city", "350500"),
    ("海西蒙古族藏族自治州", "海西蒙古族藏族自治州", "青海省", "city", "632800"),
    ("阿克苏地区", "阿克苏地区", "新疆维吾尔自治区", "city", "652900"),
    ("成都市武侯区", "成都市武侯区", "四川省", "district", "510107"),
    ("仙桃市", "湖北省仙桃市", "湖北省", "county", "429004"),
    ("北京市朝阳区", "北京市朝阳区", "北京市", "district", "110105"),
    ("全国", "中国", None, "national", None),
]


@pytest.mark.parametrize("place, region, province, level, code", REGIONS, ids=[r[0] for r in REGIONS])
def test_region_lookup(place, region, province, level, code):
    r = lookup(place)
    assert (r.region, r.province, r.admin_level, r.region_code) == (region, province, level, code)


@pytest.mark.parametrize("place", ["朝阳区", "鼓楼区", "莱芜市", "某某市"], ids=["ambiguous-朝阳区", "ambiguous-鼓楼区", "abolished-莱芜市", "unknown"])
def test_region_lookup_never_guesses(place):
    assert lookup(place) is None


@pytest.mark.parametrize(
    "text, date",
    [("2024年1月15日", dt.date(2024, 1, 15)), ("一九五八年二月一日", dt.date(1958, 2, 1)),
     ("二〇一〇年三月十五日", dt.date(2010, 3, 15)), ("2024年2月30日", None), ("无日期", None)],
)
def test_parse_date(text, date):
    assert parse_date(text) == date
