import pickle

import pytest

from desk_crm.domain.errors import ValidationError, ValidationErrors


def test_validation_error_exposes_field_and_message_and_prints_only_the_message() -> None:
    error = ValidationError("email", "Email address is empty")

    assert (error.field, error.message) == ("email", "Email address is empty")
    assert str(error) == "Email address is empty"
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(
    "error",
    [
        ValidationError("phone", "“12” is too short to be a phone number"),
        ValidationErrors([ValidationError("name", "Account name is required")]),
    ],
)
def test_errors_survive_pickling_for_cross_thread_reporting(
    error: ValidationError | ValidationErrors,
) -> None:
    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is type(error)
    assert str(copy) == str(error)


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ([], {}),
        (
            [ValidationError("name", "Account name is required")],
            {"name": "Account name is required"},
        ),
        (
            [
                ValidationError("emails[0]", "first"),
                ValidationError("emails[0]", "second"),
                ValidationError("emails[2]", "third"),
            ],
            {"emails[0]": "first", "emails[2]": "third"},
        ),
    ],
)
def test_by_field_keeps_the_first_message_for_each_field(
    errors: list[ValidationError], expected: dict[str, str]
) -> None:
    assert ValidationErrors(errors).by_field() == expected


def test_validation_errors_lists_every_message_in_order() -> None:
    errors = ValidationErrors(
        [ValidationError("name", "Account name is required"), ValidationError("email", "请检查")]
    )

    assert [error.field for error in errors.errors] == ["name", "email"]
    assert str(errors) == "Account name is required\n请检查"
    assert isinstance(errors, ValueError)
