import pytest

from desk_crm.domain.contact_points import ContactPoint
from desk_crm.domain.drafts import (
    AccountDraft,
    ContactDraft,
    format_address,
    validate_account,
    validate_contact,
)
from desk_crm.domain.errors import ValidationErrors


def _errors_of_account(draft: AccountDraft, region: str = "CN") -> dict[str, str]:
    with pytest.raises(ValidationErrors) as caught:
        validate_account(draft, region)
    return caught.value.by_field()


def _errors_of_contact(draft: ContactDraft, region: str = "CN") -> dict[str, str]:
    with pytest.raises(ValidationErrors) as caught:
        validate_contact(draft, region)
    return caught.value.by_field()


def test_validate_account_returns_a_new_normalised_draft() -> None:
    draft = AccountDraft(
        name="  广州\u3000示例  科技有限公司 ",
        industry=" 软件 ",
        website="Example.COM/关于",
        phone="(020) 8888 6666",
        email=" Sales@Example.com ",
        street=" 天河路385号 ",
        city="广州市",
        region="广东省",
        postal_code=" 510000 ",
        country="中国",
        tags=("VIP，重点客户", "vip"),
        owner_id="  ",
        notes="\n\n第一行  \r\n第二行\n\n",
    )

    result = validate_account(draft)

    assert result == AccountDraft(
        name="广州 示例 科技有限公司",
        industry="软件",
        website="https://example.com/关于",
        phone="+862088886666",
        email="sales@example.com",
        street="天河路385号",
        city="广州市",
        region="广东省",
        postal_code="510000",
        country="中国",
        tags=("VIP", "重点客户"),
        owner_id=None,
        notes="第一行\n第二行",
    )
    assert result is not draft
    assert draft.name == "  广州\u3000示例  科技有限公司 "  # input untouched


def test_validate_account_leaves_optional_fields_empty() -> None:
    result = validate_account(AccountDraft(name="Acme", owner_id="user-1"))

    assert result == AccountDraft(name="Acme", owner_id="user-1")


@pytest.mark.parametrize(
    ("website", "expected"),
    [
        ("example.com", "https://example.com"),
        ("www.Example.COM", "https://www.example.com"),
        ("HTTP://Example.COM/Path?q=A#Top", "http://example.com/Path?q=A#Top"),
        ("https://example.com:8443/x", "https://example.com:8443/x"),
        ("例子.中国", "https://例子.中国"),
        ("  example.com  ", "https://example.com"),
    ],
)
def test_validate_account_normalises_the_website(website: str, expected: str) -> None:
    assert validate_account(AccountDraft(name="Acme", website=website)).website == expected


@pytest.mark.parametrize(
    ("website", "message"),
    [
        ("exa mple.com", "A website address cannot contain spaces"),
        ("localhost", "“localhost” is not a valid website address"),
        ("http://intranet/", "“http://intranet/” is not a valid website address"),
        ("example.com:port", "“example.com:port” is not a valid website address"),
        ("ftp://example.com", "A website address must start with http:// or https://"),
        ("https://", "“https://” is not a valid website address"),
    ],
)
def test_validate_account_rejects_bad_websites(website: str, message: str) -> None:
    assert _errors_of_account(AccountDraft(name="Acme", website=website)) == {"website": message}


def test_validate_account_reports_every_problem_at_once() -> None:
    draft = AccountDraft(
        name=" ",
        website="not a site",
        phone="12",
        email="nope",
        city="x" * 201,
        notes="n" * 20_001,
    )

    errors = _errors_of_account(draft)

    assert errors == {
        "name": "Account name is required",
        "website": "A website address cannot contain spaces",
        "phone": "“12” is too short to be a phone number",
        "email": errors["email"],
        "city": "This is too long (at most 200 characters)",
        "notes": "Notes are too long (at most 20000 characters)",
    }
    assert errors["email"].startswith("“nope” is not a valid email address")


@pytest.mark.parametrize(("length", "valid"), [(200, True), (201, False)])
def test_validate_account_limits_the_name_to_200_characters(length: int, valid: bool) -> None:
    draft = AccountDraft(name="名" * length)
    if valid:
        assert validate_account(draft).name == "名" * length
    else:
        assert _errors_of_account(draft) == {
            "name": "This is too long (at most 200 characters)"
        }


def test_validate_account_reads_local_phone_numbers_in_the_default_region() -> None:
    assert validate_account(AccountDraft(name="Acme", phone="(415) 555-0100"), "US").phone == (
        "+14155550100"
    )


def test_validate_contact_returns_a_new_normalised_draft() -> None:
    draft = ContactDraft(
        family_name=" 欧阳 ",
        given_name="娜娜\u3000",
        title=" 销售 总监 ",
        department="",
        account_id="acc-1",
        emails=(
            ContactPoint(""),
            ContactPoint("NaNa@Example.com", "工作"),
            ContactPoint("nana@example.com", "私人", primary=True),
        ),
        phones=(ContactPoint("138 0013 8000", "手机"), ContactPoint("  ")),
        city="北京市",
        tags=("VIP",),
        owner_id="",
        notes="  见面聊过  ",
    )

    result = validate_contact(draft)

    assert result == ContactDraft(
        family_name="欧阳",
        given_name="娜娜",
        title="销售 总监",
        account_id="acc-1",
        emails=(ContactPoint("nana@example.com", "工作", primary=True),),
        phones=(ContactPoint("+8613800138000", "手机", primary=True),),
        city="北京市",
        tags=("VIP",),
        owner_id=None,
        notes="  见面聊过",
    )


@pytest.mark.parametrize(
    ("family", "given"), [("张", ""), ("", "三"), ("Smith", ""), ("", "Madonna")]
)
def test_validate_contact_accepts_either_name_part(family: str, given: str) -> None:
    result = validate_contact(ContactDraft(family_name=family, given_name=given))

    assert (result.family_name, result.given_name) == (family, given)


def test_validate_contact_requires_a_name_and_reports_rows_by_position() -> None:
    draft = ContactDraft(
        family_name="\u3000",
        emails=(ContactPoint("ok@example.com"), ContactPoint("bad")),
        phones=(ContactPoint("abc"), ContactPoint(""), ContactPoint("12")),
        department="部" * 201,
    )

    errors = _errors_of_contact(draft)

    assert set(errors) == {"family_name", "emails[1]", "phones[0]", "phones[2]", "department"}
    assert errors["family_name"] == "Enter a family or given name"
    assert errors["phones[0]"] == "“abc” is not a phone number"
    assert errors["phones[2]"] == "“12” is too short to be a phone number"
    assert errors["department"] == "This is too long (at most 200 characters)"


def test_validate_contact_reads_phones_in_the_default_region() -> None:
    draft = ContactDraft(given_name="Amy", phones=(ContactPoint("(415) 555-0100"),))

    assert validate_contact(draft, "US").phones == (ContactPoint("+14155550100", primary=True),)


def test_validating_empty_drafts_only_asks_for_a_name() -> None:
    assert _errors_of_account(AccountDraft()) == {"name": "Account name is required"}
    assert _errors_of_contact(ContactDraft()) == {"family_name": "Enter a family or given name"}


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            ("天河路385号", "广州市", "广东省", "510000", "中国"),
            "中国广东省广州市天河路385号 510000",
        ),
        (("天河路385号", "广州市", "广东省", "", ""), "广东省广州市天河路385号"),
        (("建国路1号", "北京市", "北京市", "100020", "中国"), "中国北京市建国路1号 100020"),
        (("  天河路 385号 ", "广州市", "", "", ""), "广州市天河路 385号"),
        (
            ("1 Main St", "Springfield", "IL", "62701", "USA"),
            "1 Main St, Springfield, IL 62701, USA",
        ),
        (("1 Main St", "Springfield", "", "62701", ""), "1 Main St, Springfield, 62701"),
        (("", "Paris", "", "", "France"), "Paris, France"),
        (("10 Downing St", "London", "", "SW1A 2AA", "UK"), "10 Downing St, London, SW1A 2AA, UK"),
        (("", "", "", "", ""), ""),
    ],
)
def test_format_address_uses_the_order_of_the_script(
    parts: tuple[str, str, str, str, str], expected: str
) -> None:
    assert format_address(*parts) == expected
