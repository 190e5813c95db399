import pytest

from desk_crm.domain.errors import ValidationError
from desk_crm.domain.phones import format_phone, normalize_phone, phone_search_tokens


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("+86 138 0013 8000", "CN", "+8613800138000"),
        ("13800138000", "CN", "+8613800138000"),
        ("138-0013-8000", "cn", "+8613800138000"),
        ("１３８００１３８０００", "CN", "+8613800138000"),  # full-width digits
        ("(020) 8888 6666", "CN", "+862088886666"),
        ("010 8888 6666", "CN", "+861088886666"),
        ("400-810-8888", "CN", "+864008108888"),
        ("+1 415-555-0100", "CN", "+14155550100"),
        ("(415) 555-0100", "US", "+14155550100"),
        ("+44 20 7946 0958", "CN", "+442079460958"),
        ("+86 20 8888 6666 ext. 12", "CN", "+862088886666;ext=12"),
        ("+1 415-555-0100 x12", "CN", "+14155550100;ext=12"),
        ("020-8888-6666转12", "CN", "+862088886666;ext=12"),
        ("020 8888 6666 分机 305", "CN", "+862088886666;ext=305"),
        ("+862088886666;ext=12", "CN", "+862088886666;ext=12"),  # already normalised
    ],
)
def test_normalize_phone_returns_e164_and_keeps_extensions(
    raw: str, region: str, expected: str
) -> None:
    assert normalize_phone(raw, region) == expected


@pytest.mark.parametrize(
    ("raw", "region", "message"),
    [
        ("", "CN", "Phone number is empty"),
        ("\u3000", "CN", "Phone number is empty"),
        ("abc", "CN", "“abc” is not a phone number"),
        ("1", "CN", "“1” is not a phone number"),
        ("12", "CN", "“12” is too short to be a phone number"),
        ("+86 138 0013 8000 12", "CN", "“+86 138 0013 8000 12” is too long to be a phone number"),
        ("1" * 20, "CN", f"“{'1' * 20}” is too long to be a phone number"),
        ("+86 1", "CN", "“+86 1” is too short to be a phone number"),
        ("+86 138 0013 800", "CN", "“+86 138 0013 800” is not a valid phone number"),
        ("95588", "CN", "“95588” is not a valid phone number"),  # service short code
        ("13800138000", "", "“13800138000” needs a country code, e.g. +86"),
    ],
)
def test_normalize_phone_rejects_numbers_that_cannot_be_dialled(
    raw: str, region: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(raw, region, field="phones[2]")

    assert (caught.value.field, caught.value.message) == ("phones[2]", message)


def test_normalize_phone_reports_under_the_phone_field_by_default() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone("abc")

    assert caught.value.field == "phone"


@pytest.mark.parametrize(
    ("e164", "region", "expected"),
    [
        ("+8613800138000", "CN", "138 0013 8000"),
        ("+862088886666", "CN", "020 8888 6666"),
        ("+862088886666;ext=12", "CN", "020 8888 6666 ext. 12"),
        ("+8613800138000", "US", "+86 138 0013 8000"),
        ("+14155550100", "CN", "+1 415-555-0100"),
        ("+14155550100", "US", "(415) 555-0100"),
        ("+14155550100", "us", "(415) 555-0100"),
        ("+14155550100;ext=7", "CN", "+1 415-555-0100 ext. 7"),
        ("not a number", "CN", "not a number"),
        ("13800138000", "CN", "13800138000"),  # no "+": not E.164, left alone
        ("", "CN", ""),
    ],
)
def test_format_phone_is_national_at_home_and_international_abroad(
    e164: str, region: str, expected: str
) -> None:
    assert format_phone(e164, region) == expected


@pytest.mark.parametrize(
    ("e164", "expected"),
    [
        ("+8613800138000", ["8613800138000", "13800138000", "8000"]),
        ("+862088886666", ["862088886666", "2088886666", "02088886666", "6666"]),
        ("+862088886666;ext=12", ["862088886666", "2088886666", "02088886666", "6666"]),
        ("+14155550100", ["14155550100", "4155550100", "0100"]),
        ("+442079460958", ["442079460958", "2079460958", "02079460958", "0958"]),
        ("12-34", ["1234"]),  # unparseable: digits as stored
        ("555-12345", ["55512345", "2345"]),
        ("", []),
    ],
)
def test_phone_search_tokens_lists_the_digit_strings_a_user_might_type(
    e164: str, expected: list[str]
) -> None:
    assert phone_search_tokens(e164) == expected
