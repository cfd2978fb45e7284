-- grain: one row per indicator_code whose better direction is not the default 'higher'
-- reads: indicator_polarity (seed table, from seeds/indicator_polarity.csv)
-- better: 'higher' (more is better: growth, income …), 'lower' (a ceiling: CPI, unemployment,
-- energy intensity …) or 'band' (neither: the target is a level to hit); approx_tolerance: the
-- relative slack a '左右' (~) target allows on the bad side, e.g. 0.05 = 5% of the target value
select
    trim(indicator_code) as indicator_code,
    lower(trim(better)) as better,
    cast(approx_tolerance as double) as approx_tolerance,
    note
from indicator_polarity
