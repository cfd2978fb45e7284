"""The cleaning policy, case by case (pipelines.ingest.normalize)."""
import pytest

from pipelines.ingest.normalize import join_cjk_spaces, normalize_paragraph

CASES = [
    ("(一)着力服务全局见行见效", "（一）着力服务全局见行见效", "paren-heading"),
    ("各位代表:", "各位代表：", "colon-after-cjk"),
    ("现在,我代表区人民政府,向大会报告工作;请予审议!", "现在，我代表区人民政府，向大会报告工作；请予审议！", "comma-semicolon-bang"),
    ("是否完成?", "是否完成？", "question"),
    ("突破1,234.5亿元", "突破1,234.5亿元", "digit-comma-kept"),
    ("增长3.2%,前三季度4.4%", "增长3.2%，前三季度4.4%", "comma-between-percent-and-cjk"),
    ("１６００亿元", "1600亿元", "fullwidth-digits"),
    ("增长１５％", "增长15%", "fullwidth-percent"),
    ("ＧＤＰ增速", "GDP增速", "fullwidth-latin"),
    ("报告(2024年)", "报告（2024年）", "paren-with-digits-next-to-cjk"),
    ("国内生产总值(GDP)增长", "国内生产总值（GDP）增长", "paren-latin-inside-cjk"),
    ("(1) step (2) done", "(1) step (2) done", "paren-ascii-context-kept"),
    ("http://www.gov.cn 与", "http://www.gov.cn 与", "url-colon-kept"),
    ("税费17亿元――企业", "税费17亿元——企业", "double-horizontal-bar"),
    ("税费--企业", "税费——企业", "double-hyphen"),
    ("税费—企业", "税费——企业", "single-em-dash"),
    ("税费———企业", "税费——企业", "triple-em-dash"),
    ("  区长\u3000谢 东\u00a0 ", "区长 谢 东", "whitespace-collapsed"),
    ("过去\u200b一年", "过去一年", "zero-width-removed"),
    ("5．5万元", "5.5万元", "fullwidth-dot-between-digits"),
]


@pytest.mark.parametrize("raw, expected", [(a, b) for a, b, _ in CASES], ids=[c[2] for c in CASES])
def test_normalize_paragraph(raw, expected):
    assert normalize_paragraph(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [("谢 东", "谢东"), ("政 府 工 作 报 告", "政府工作报告"), ("张 雨 浦", "张雨浦"), ("GDP 增长", "GDP 增长")],
    ids=["name", "letter-spaced-title", "three-char-name", "latin-kept"],
)
def test_join_cjk_spaces(raw, expected):
    assert join_cjk_spaces(raw) == expected
