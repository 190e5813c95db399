"""Phone numbers: parse anything a user types, store E.164, display per region, search."""

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from desk_crm.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_crm.domain.text import clean_text

# Stored form of an extension, as in RFC 3966 (tel:+86...;ext=12); phonenumbers parses it back.
_EXT_MARKER = ";ext="
# Chinese ways of writing an extension (020-8888-6666转12), which phonenumbers does not know.
_CHINESE_EXTENSION = re.compile(r"\s*(?:转|轉|分机|分機)\s*")

_TOO_SHORT = QT_TRANSLATE_NOOP("Validation", "“{value}” is too short to be a phone number")
_TOO_LONG = QT_TRANSLATE_NOOP("Validation", "“{value}” is too long to be a phone number")
_NOT_A_NUMBER = QT_TRANSLATE_NOOP("Validation", "“{value}” is not a phone number")
_PARSE_ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: QT_TRANSLATE_NOOP(
        "Validation", "“{value}” needs a country code, e.g. +86"),
    NumberParseException.TOO_SHORT_NSN: _TOO_SHORT,
    NumberParseException.TOO_SHORT_AFTER_IDD: _TOO_SHORT,
    NumberParseException.TOO_LONG: _TOO_LONG,
}
_IMPOSSIBLE_REASONS = {
    ValidationResult.TOO_SHORT: _TOO_SHORT,
    ValidationResult.TOO_LONG: _TOO_LONG,
    ValidationResult.INVALID_COUNTRY_CODE: QT_TRANSLATE_NOOP(
        "Validation", "“{value}” has an unknown country code"),
}


def normalize_phone(raw: str, default_region: str = "CN", field: str = "phone") -> str:
    """E.164 (+8613800138000), plus ";ext=12" when an extension was typed.

    Numbers without a "+" are read as dialled in default_region.
    """
    text = clean_text(raw)
    if not text:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "Phone number is empty"))
    region = default_region.upper() or None
    try:
        number = phonenumbers.parse(_CHINESE_EXTENSION.sub(" ext. ", text), region)
    except NumberParseException as exc:
        template = _PARSE_ERRORS.get(exc.error_type, _NOT_A_NUMBER)
        raise ValidationError(field, template, value=text) from exc
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason not in (ValidationResult.IS_POSSIBLE, ValidationResult.IS_POSSIBLE_LOCAL_ONLY):
        template = _IMPOSSIBLE_REASONS.get(reason, QT_TRANSLATE_NOOP(
            "Validation", "“{value}” is not a possible phone number"))
        raise ValidationError(field, template, value=text)
    # Local-only numbers (no area code) cannot be dialled from elsewhere, so they fail here.
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, QT_TRANSLATE_NOOP(
            "Validation", "“{value}” is not a valid phone number"), value=text)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    stored = f"{e164}{_EXT_MARKER}{number.extension}" if number.extension else e164
    _remember_parsed(stored, number)
    return stored


# The numbers normalize_phone parsed last, by stored form: indexing a saved row asks
# phone_search_tokens for them right after, and parsing again costs as much as the first.
_PARSED: dict[str, phonenumbers.PhoneNumber] = {}
_PARSED_KEPT = 8192  # a chunk of 1000 rows with a phone, a mobile and stored numbers


def _remember_parsed(stored: str, number: phonenumbers.PhoneNumber) -> None:
    # Each entry is wanted right after it is stored, so a full memo is simply emptied
    # (clear and pop are atomic: an import worker and the UI thread may both be here).
    if len(_PARSED) >= _PARSED_KEPT:
        _PARSED.clear()
    _PARSED[stored] = number


def format_phone(e164: str, display_region: str = "CN") -> str:
    """National format for numbers of display_region, international for the rest."""
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == display_region.upper():
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def phone_search_tokens(e164: str) -> list[str]:
    """Digit strings a user may type to find the number (see _search_tokens)."""
    return list(_search_tokens(e164))


# Cached: the parse costs as much as normalising the number, and an import indexes many
# rows that share a number (a company's switchboard).
@lru_cache(maxsize=8192)
def _search_tokens(e164: str) -> tuple[str, ...]:
    """Digit strings a user may type to find the number, for the full-text index.

    Prefix search needs each form as its own token: 8613800138000 (with country code),
    13800138000 (national significant number), 02088886666 (as dialled at home, with the
    trunk prefix, when that differs) and 8000 (last four digits, as read on a caller ID).
    """
    number = _PARSED.pop(e164, None)
    if number is None:
        try:
            number = phonenumbers.parse(e164, None)
        except NumberParseException:
            digits = re.sub(r"\D", "", e164.partition(_EXT_MARKER)[0])
            return tuple(_unique([digits, digits[-4:]])) if digits else ()
    number.extension = None
    national = phonenumbers.national_significant_number(number)
    dialled = re.sub(r"\D", "", phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))
    return tuple(_unique([f"{number.country_code}{national}", national, dialled,
                          national[-4:]]))


def _unique(tokens: list[str]) -> list[str]:
    return list(dict.fromkeys(token for token in tokens if token))
