"""Cell text that is safe to open in a spreadsheet."""

# A cell starting with one of these is read as a formula by Excel/LibreOffice (CSV
# injection, OWASP): "=HYPERLINK(...)" typed into a contact's notes must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text
