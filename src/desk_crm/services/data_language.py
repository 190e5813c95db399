"""The language a database was created in.

What a new database is given once — the pipeline stages, the quotes' default terms — is
written in the language of the window that created it and is data from then on: editable,
synced, and the same whatever language the window runs in later. The language is kept with
the data (app_setting) so the demo and later defaults can follow it too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import select

from desk_crm.services.context import ServiceContext
from desk_crm.services.pipeline import PipelineService
from desk_crm.services.quote_settings import (
    DEFAULT_TERMS,
    SETTINGS_KEY,
    QuoteSettingsService,
)
from desk_crm.store.sales_models import AppSetting, PipelineStage

LANGUAGE_KEY = "data_language"
ENGLISH = "en"

#: (context, source text) -> text in the window's language
Translate = Callable[[str, str], str]


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


class DataLanguageService:
    def __init__(self, context: ServiceContext, pipeline: PipelineService,
                 quote_settings: QuoteSettingsService) -> None:
        self._context = context
        self._pipeline = pipeline
        self._quote_settings = quote_settings

    def language(self) -> str:
        """The recorded language ("zh_CN", "en"); a database from before it was recorded
        is judged by its stage names."""
        with self._context.read() as session:
            row = session.get(AppSetting, LANGUAGE_KEY)
            if row is not None:
                return str(row.value.get("language") or ENGLISH)
            names = session.scalars(select(PipelineStage.name)).all()
        return "zh_CN" if any(_has_cjk(name) for name in names) else ENGLISH

    def is_chinese(self) -> bool:
        return self.language().startswith("zh")

    def ensure_defaults(self, language: str, translate: Translate) -> str:
        """On a new database: record *language* and write the default stages and quote
        terms through *translate*. On a known one nothing changes. Returns the database's
        language."""
        with self._context.read() as session:
            recorded = session.get(AppSetting, LANGUAGE_KEY) is not None
            new = session.scalar(select(PipelineStage.pk).limit(1)) is None
            terms_set = session.get(AppSetting, SETTINGS_KEY) is not None
        if recorded:
            return self.language()
        # A database from before the language was recorded keeps what it has.
        chosen = language if new else self.language()
        with self._context.write() as session:
            if session.get(AppSetting, LANGUAGE_KEY) is None:
                session.add(AppSetting(key=LANGUAGE_KEY, value={"language": chosen}))
        if new:
            self._pipeline.ensure_defaults(lambda name: translate("Stages", name))
            if not terms_set:
                self._quote_settings.save(replace(
                    self._quote_settings.get(),
                    default_terms=translate("QuoteSettings", DEFAULT_TERMS)))
        return chosen
