"""Person and company names: display order, sort keys and splitting a typed full name."""

import unicodedata
from functools import lru_cache

from desk_crm.domain.text import clean_text, has_cjk

# Two-character surnames; without them 欧阳娜娜 would be filed under 欧 with given name 阳娜娜.
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容",
        "长孙", "宇文", "令狐", "夏侯", "轩辕", "端木", "南宫", "独孤", "西门", "司空",
        "呼延", "澹台", "公冶", "太史", "申屠", "濮阳", "淳于", "单于", "钟离", "闻人",
        "赫连", "万俟", "百里", "东郭", "第五", "拓跋", "完颜", "纳兰", "闾丘", "子车",
        "亓官", "司寇", "巫马", "公西", "颛孙", "壤驷", "公良", "漆雕", "乐正", "宰父",
        "谷梁", "段干", "鲜于", "梁丘", "左丘", "东门", "羊舌", "微生", "公羊", "仲孙",
    }
)  # fmt: skip

# Characters read differently when they are a surname (单 is "dan" as a word but the
# surname is "Shan"). pypinyin reads words, so the family name gets these first.
_SURNAME_READINGS = {
    "单于": "chan yu", "尉迟": "yu chi", "万俟": "mo qi", "乐正": "yue zheng",
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou",
    "查": "zha", "盖": "ge", "乐": "yue", "覃": "qin", "翟": "zhai", "缪": "miao",
    "种": "chong", "员": "yun", "秘": "bi", "繁": "po", "隗": "wei", "黑": "he",
    "句": "gou", "召": "shao", "卜": "bu", "尉": "yu", "能": "nai", "宓": "fu",
}  # fmt: skip

# Lower-case name particles that belong to the family name (Ludwig *van* Beethoven).
_PARTICLES = frozenset(
    {"van", "von", "de", "da", "del", "der", "di", "le", "la", "du", "des", "den", "dos",
     "das", "della", "ter", "ten"}
)  # fmt: skip

# Separators in transliterated foreign names (阿沛·阿旺晋美); such names are not
# split because the Chinese family/given convention does not apply to them.
_NAME_DOTS = ("·", "・", "•", "‧")
_COMMAS = (",", "，")


def display_name(family: str, given: str) -> str:
    """The name as people write it: 张三, but John Smith."""
    family, given = clean_text(family), clean_text(given)
    if has_cjk(family) or has_cjk(given):
        return family + given
    return " ".join(part for part in (given, family) if part)


def sort_key(family: str, given: str) -> str:
    """Key that files 张三 under "zhang san" next to "Zhang, Wei", and Smith under s."""
    family_key = _fold(_romanize_surname(clean_text(family)))
    given_key = _fold(_romanize(clean_text(given)))
    return " ".join(key for key in (family_key, given_key) if key)


def company_sort_key(name: str) -> str:
    """Key for one company name: pinyin for Chinese, case and accents ignored."""
    return _fold(_romanize(clean_text(name)))


def split_full_name(full: str) -> tuple[str, str]:
    """Split a name typed in one box into (family, given)."""
    text = clean_text(full)
    if not text:
        return "", ""
    for comma in _COMMAS:
        if comma in text:
            family, _, given = text.partition(comma)
            return clean_text(family), clean_text(given)
    if has_cjk(text):
        return _split_cjk(text)
    return _split_western(text)


def _split_cjk(text: str) -> tuple[str, str]:
    if any(dot in text for dot in _NAME_DOTS):
        return "", text
    if " " in text:
        # The user separated the parts themselves (e.g. Japanese 山田 太郎); trust that.
        family, _, given = text.partition(" ")
        return family, given
    # A two-character name such as 欧阳 is far more likely 欧 + 阳 than a bare surname.
    if len(text) > 2 and text[:2] in COMPOUND_SURNAMES:
        return text[:2], text[2:]
    return text[:1], text[1:]


def _split_western(text: str) -> tuple[str, str]:
    words = text.split(" ")
    if len(words) == 1:
        return text, ""
    start = len(words) - 1
    while start > 1 and words[start - 1] in _PARTICLES:
        start -= 1
    return " ".join(words[start:]), " ".join(words[:start])


@lru_cache(maxsize=65536)
def _romanize(text: str) -> str:
    # lazy_pinyin returns one item per Han character and passes other runs through.
    # Cached: names and their parts repeat a lot in imports and the sort/search keys.
    if not has_cjk(text):
        return text
    # Imported here: pypinyin loads a 0.3 s phrase dictionary, which start-up never needs.
    from pypinyin.seg.simpleseg import simple_seg

    # pypinyin reads each run of Han characters (and each run of other text) on its own,
    # so run by run gives the same result and the cache below hits for 系人 in 系人12.
    return " ".join(_romanize_run(run) for run in simple_seg(text))


@lru_cache(maxsize=65536)
def _romanize_run(run: str) -> str:
    from pypinyin import lazy_pinyin
    from pypinyin.constants import RE_HANS

    if not RE_HANS.match(run[:1]):
        return run  # pypinyin hands a run without Han characters back as it is
    return " ".join(lazy_pinyin(run))


def _romanize_surname(family: str) -> str:
    for length in (2, 1):
        head = family[:length]
        if len(head) == length and head in _SURNAME_READINGS:
            return f"{_SURNAME_READINGS[head]} {_romanize(family[length:])}"
    return _romanize(family)


def _fold(text: str) -> str:
    # casefold first: it can itself produce combining marks (e.g. "İ" -> "i̇").
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Keep the kana voicing marks: dropping them would turn が into か.
    kept = "".join(
        char for char in decomposed if not unicodedata.combining(char) or char in "\u3099\u309a"
    )
    return " ".join(unicodedata.normalize("NFC", kept).split())


def pinyin_search_tokens(family: str, given: str) -> list[str]:
    """Romanised forms a Chinese user types to find a name written in characters:
    张三丰 -> ["zhangsanfeng", "zhang", "sanfeng", "zsf"]. Empty for names without CJK."""
    family, given = clean_text(family), clean_text(given)
    if not has_cjk(family + given):
        return []
    family_syllables = _romanize_surname(family).split() if family else []
    given_syllables = _romanize(given).split() if given else []
    syllables = [s for s in family_syllables + given_syllables if s.isascii() and s.isalpha()]
    if not syllables:
        return []
    tokens = ["".join(syllables), "".join(family_syllables), "".join(given_syllables),
              "".join(s[0] for s in syllables)]
    return list(dict.fromkeys(t.lower() for t in tokens if t and t.isascii()))
