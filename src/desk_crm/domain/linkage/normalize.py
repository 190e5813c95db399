"""Comparison forms of the fields of a person record: folded, full-width mapped, pinyin
for Chinese, province/city prefixes and legal forms dropped. Pure functions, cached because
names, cities and postcodes repeat a lot across a database."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jellyfish

from desk_crm.domain.names import _romanize, _romanize_surname
from desk_crm.domain.text import has_cjk, to_halfwidth

_NOT_WORD = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d+")
_NOT_DIGIT = re.compile(r"\D+")
# Leading administrative parts of a Chinese address (广东省深圳市南山区…): one record
# writes them, another starts at the street; both compare from the street on.
_CN_ADMIN_PREFIX = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区|特别行政区))?"
    r"(?:[\u4e00-\u9fff]{2,7}?(?:市|自治州|地区|盟))?"
    r"(?:[\u4e00-\u9fff]{1,5}?(?:区|县|旗))?")
_CN_CITY_SUFFIX = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")
_LATIN_REGION_WORDS = frozenset({"province", "city", "shi", "sheng", "municipality",
                                 "autonomous", "region", "zizhiqu"})
# Common street words written either way (Street/St., Road/Rd) in English addresses.
_STREET_WORDS = {"street": "st", "road": "rd", "avenue": "ave", "av": "ave", "drive": "dr",
                 "place": "pl", "lane": "ln", "court": "ct", "crescent": "cres",
                 "boulevard": "blvd", "terrace": "tce", "highway": "hwy", "north": "n",
                 "south": "s", "east": "e", "west": "w", "apartment": "apt", "unit": "u"}


def fold(text: str) -> str:
    """Case, accents, full-width forms and punctuation ignored; words single-spaced."""
    if not text:
        return ""
    text = to_halfwidth(text).casefold()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", text).split())


@lru_cache(maxsize=262144)
def name_part(text: str, family: bool = False) -> str:
    """One name part as compared: folded Latin letters, pinyin for Chinese (spaces
    dropped, so 欧阳 = "ouyang" = "Ou Yang")."""
    text = to_halfwidth(text).strip()
    if not text:
        return ""
    if has_cjk(text):
        text = _romanize_surname(text) if family else _romanize(text)
    return fold(text).replace(" ", "")


@lru_cache(maxsize=262144)
def cjk_chars(text: str) -> str:
    """The Chinese characters of a name part ("" for a Latin name): 张三 and 章三 share
    their pinyin but not their characters."""
    if not has_cjk(text):
        return ""
    return "".join(c for c in text if not c.isspace())


@lru_cache(maxsize=262144)
def phonetic(part: str) -> str:
    """A sound code of one compared name part (Metaphone, falling back to the first
    letters): Smith = Smyth, Zhang = Jang."""
    if not part:
        return ""
    if not part.isascii():
        return part[:4]
    return jellyfish.metaphone(part) or part[:4]


@lru_cache(maxsize=262144)
def city(text: str) -> str:
    """北京市 = 北京 = Beijing = "Beijing Shi"."""
    text = to_halfwidth(text).strip()
    if has_cjk(text):
        for suffix in _CN_CITY_SUFFIX:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text = text[: -len(suffix)]
                break
        text = _romanize(text)
    words = [w for w in fold(text).split() if w not in _LATIN_REGION_WORDS]
    return "".join(words)


def region(text: str) -> str:
    """广东省 = 广东 = Guangdong = "Guangdong Province"."""
    return city(text)


def postcode(text: str) -> str:
    return fold(text).replace(" ", "")


@lru_cache(maxsize=65536)
def _street_word(word: str) -> str:
    return _STREET_WORDS.get(word, word)


def address(street: str, street2: str = "") -> str:
    """Both address lines as one compared text: folded, street words abbreviated one way,
    a Chinese address without its province/city/district prefix."""
    text = f"{street} {street2}" if street2 else street
    if text.isascii():  # the common case, in one pass: every record has its own address
        return " ".join([_STREET_WORDS.get(w, w)
                         for w in _NOT_WORD.sub(" ", text.lower()).split()])
    text = to_halfwidth(text).strip()
    if has_cjk(text):
        text = _CN_ADMIN_PREFIX.sub("", text.replace(" ", "")) or text
        return fold(text).replace(" ", "")
    return " ".join(_street_word(w) for w in fold(text).split())


def house_number(folded_address: str) -> str:
    """The first number of an address line (12 in "12 Main St", 88 in 建国路88号)."""
    found = _DIGITS.search(folded_address)
    return found.group(0) if found else ""


def birth_date(text: str) -> str:
    """An ISO date (or date-time) as YYYYMMDD; "" when absent or unreadable."""
    digits = "".join(c for c in text[:10] if c.isdigit())
    return digits if len(digits) == 8 else ""


def email(text: str) -> str:
    return to_halfwidth(text).strip().casefold()


def phone(text: str) -> str:
    """The last 9 digits: +86 138 0013 8000 = 13800138000 = 0086-138-0013-8000."""
    digits = _NOT_DIGIT.sub("", to_halfwidth(text))
    return digits[-9:] if len(digits) >= 6 else ""
