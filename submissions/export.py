"""Spreadsheet export that cannot run formulas: CSV and XLSX from the admin register.

A cell that starts with = + - @ (or a tab or carriage return, which some programs strip before
reading the rest) is read as a formula by Excel, LibreOffice and Google Sheets. Anything a
member of the public typed could start that way, so such cells get a leading apostrophe: the
spreadsheet shows the text as typed, and runs nothing (OWASP's "CSV injection" advice).
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSpreadsheetMixin:
    """For a view using Wagtail's SpreadsheetExportMixin: every text cell is neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


__all__ = ["FORMULA_STARTS", "SafeSpreadsheetMixin", "SpreadsheetExportMixin", "neutralise"]
