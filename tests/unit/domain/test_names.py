import pytest

from desk_crm.domain.names import company_sort_key, display_name, sort_key, split_full_name


@pytest.mark.parametrize(
    ("family", "given", "expected"),
    [
        ("张", "三", "张三"),
        ("欧阳", "娜娜", "欧阳娜娜"),
        ("山田", "太郎", "山田太郎"),
        ("Smith", "John", "John Smith"),
        ("van Beethoven", "Ludwig", "Ludwig van Beethoven"),
        ("Smith", "", "Smith"),
        ("", "John", "John"),
        ("", "张三", "张三"),
        ("", "", ""),
        ("  张 ", "\u3000三 ", "张三"),
        ("  Smith ", " John  Paul ", "John Paul Smith"),
    ],
)
def test_display_name_puts_family_first_only_for_cjk(
    family: str, given: str, expected: str
) -> None:
    assert display_name(family, given) == expected


@pytest.mark.parametrize(
    ("family", "given", "expected"),
    [
        ("张", "三", "zhang san"),
        ("Smith", "John", "smith john"),
        ("SMITH", "john", "smith john"),
        ("Zola", "Émile", "zola emile"),
        ("", "Émile", "emile"),
        ("Müller", "", "muller"),
        ("欧阳", "娜娜", "ou yang na na"),
        # Surname readings differ from the everyday reading of the character.
        ("单", "雄信", "shan xiong xin"),
        ("曾", "国藩", "zeng guo fan"),
        ("解", "缙", "xie jin"),
        ("尉迟", "恭", "yu chi gong"),
        ("", "", ""),
    ],
)
def test_sort_key_is_family_then_given_in_folded_pinyin(
    family: str, given: str, expected: str
) -> None:
    assert sort_key(family, given) == expected


def test_sort_key_orders_a_mixed_chinese_and_latin_list_alphabetically_by_pinyin() -> None:
    people = [("张", "三"), ("Smith", "John"), ("李", "四"), ("Émile", ""), ("Adams", "Amy"),
              ("王", "五"), ("zhao", "Lei")]  # fmt: skip

    ordered = sorted(people, key=lambda name: sort_key(*name))

    assert [display_name(*name) for name in ordered] == [
        "Amy Adams", "Émile", "李四", "John Smith", "王五", "张三", "Lei zhao"
    ]  # fmt: skip


def test_sort_key_puts_a_shorter_family_name_before_its_extensions() -> None:
    assert sort_key("Smith", "Zoe") < sort_key("Smithson", "Adam")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("阿里巴巴", "a li ba ba"),
        ("阿里巴巴 Group", "a li ba ba group"),
        ("Acme  Corp", "acme corp"),
        ("Électricité de France", "electricite de france"),
        ("ＡＢＣ", "abc"),  # full-width letters fold like ASCII
        ("", ""),
    ],
)
def test_company_sort_key_uses_pinyin_and_ignores_case_and_accents(
    name: str, expected: str
) -> None:
    assert company_sort_key(name) == expected


def test_company_sort_key_interleaves_chinese_and_latin_companies() -> None:
    companies = ["腾讯", "Apple", "百度", "Zeta", "华为"]

    assert sorted(companies, key=company_sort_key) == ["Apple", "百度", "华为", "腾讯", "Zeta"]


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("张三", ("张", "三")),
        ("张三丰", ("张", "三丰")),
        ("欧阳娜娜", ("欧阳", "娜娜")),
        ("司马相如", ("司马", "相如")),
        ("诸葛亮", ("诸葛", "亮")),
        ("上官婉儿", ("上官", "婉儿")),
        ("欧阳", ("欧", "阳")),  # two characters: a given name is more likely than a bare surname
        ("张", ("张", "")),
        ("山田 太郎", ("山田", "太郎")),
        ("阿沛·阿旺晋美", ("", "阿沛·阿旺晋美")),
        ("玛丽・居里", ("", "玛丽・居里")),
        ("张，三丰", ("张", "三丰")),
        ("John Smith", ("Smith", "John")),
        ("Smith, John", ("Smith", "John")),
        ("John Ronald Tolkien", ("Tolkien", "John Ronald")),
        ("Ludwig van Beethoven", ("van Beethoven", "Ludwig")),
        ("Vincent van der Berg", ("van der Berg", "Vincent")),
        ("Maria de la Cruz", ("de la Cruz", "Maria")),
        ("Leonardo da Vinci", ("da Vinci", "Leonardo")),
        ("Madonna", ("Madonna", "")),
        ("  John   Smith ", ("Smith", "John")),
        ("", ("", "")),
        ("   ", ("", "")),
    ],
)
def test_split_full_name_returns_family_and_given(full: str, expected: tuple[str, str]) -> None:
    assert split_full_name(full) == expected


@pytest.mark.parametrize("full", ["张三", "欧阳娜娜", "John Smith", "Ludwig van Beethoven"])
def test_split_full_name_round_trips_through_display_name(full: str) -> None:
    assert display_name(*split_full_name(full)) == full
