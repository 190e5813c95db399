import pytest

from desk_crm.domain.emails import normalize_email
from desk_crm.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("john@example.com", "john@example.com"),
        ("  John.Smith@Example.COM  ", "john.smith@example.com"),
        ("Zhang.San@例子.中国", "zhang.san@例子.中国"),
        ("用户@例子.中国", "用户@例子.中国"),
        ("zhang＠example．com", "zhang@example.com"),  # full-width IME input
        ("li.si@example。com", "li.si@example.com"),
        ("a+tag@sub.example.co.uk", "a+tag@sub.example.co.uk"),
    ],
)
def test_normalize_email_returns_the_lower_cased_canonical_address(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("abc", "“abc” is not a valid email address: "),
        ("a@b", "“a@b” is not a valid email address: "),
        ("john smith@example.com", "is not a valid email address"),
        ("john@@example.com", "is not a valid email address"),
        ("john@localhost", "is not a valid email address"),
    ],
)
def test_normalize_email_rejects_malformed_addresses_with_the_reason(
    raw: str, fragment: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_email(raw)

    assert caught.value.field == "email"
    assert fragment in caught.value.message
    assert caught.value.message.split(": ", 1)[1]  # the reason is not empty


@pytest.mark.parametrize("raw", ["", "   ", "\u3000"])
def test_normalize_email_reports_an_empty_address(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_email(raw, field="emails[0]")

    assert (caught.value.field, caught.value.message) == ("emails[0]", "Email address is empty")


def test_normalize_email_reports_errors_under_the_given_field() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_email("nope", field="billing_email")

    assert caught.value.field == "billing_email"
