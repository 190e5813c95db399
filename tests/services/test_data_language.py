"""A new database's defaults are written in the language it is created in, and stay so."""

from __future__ import annotations

from dataclasses import replace

from desk_crm.domain.pipeline import StageDraft
from desk_crm.services.bundle import Services
from desk_crm.services.demo import DemoBuilder
from desk_crm.services.demo_quotes import TERMS_CN, TERMS_EN
from desk_crm.services.quote_settings import DEFAULT_TERMS
from desk_crm.store.database import Database

CHINESE = {("Stages", "Prospecting"): "初步接触", ("Stages", "Closed won"): "赢单",
           ("QuoteSettings", DEFAULT_TERMS): "报价有效期内价格有效。"}


def chinese(context: str, text: str) -> str:
    return CHINESE.get((context, text), text)


def test_a_new_database_gets_its_stages_and_terms_in_its_language(
        services: Services) -> None:
    assert services.data_language.ensure_defaults("zh_CN", chinese) == "zh_CN"
    names = [stage.name for stage in services.pipeline.stages()]
    assert names[0] == "初步接触" and "赢单" in names
    assert services.quote_settings.get().default_terms == "报价有效期内价格有效。"
    assert services.data_language.is_chinese()


def test_a_later_window_language_changes_nothing(services: Services) -> None:
    services.data_language.ensure_defaults("zh_CN", chinese)
    assert services.data_language.ensure_defaults("en_US", lambda _c, text: text) == "zh_CN"
    assert services.pipeline.stages()[0].name == "初步接触"
    assert services.data_language.language() == "zh_CN"


def test_a_database_made_before_the_language_was_recorded_keeps_its_stages(
        services: Services) -> None:
    services.pipeline.ensure_defaults()  # English, as older versions (and the CLI) made them
    assert services.data_language.ensure_defaults("zh_CN", chinese) == "en"
    assert services.pipeline.stages()[0].name == "Prospecting"
    assert services.quote_settings.get().default_terms == DEFAULT_TERMS


def test_edited_stage_names_stay_as_the_user_named_them(services: Services) -> None:
    services.data_language.ensure_defaults("zh_CN", chinese)
    stages = services.pipeline.stages(include_inactive=True)
    drafts = [StageDraft(s.name, s.probability, s.kind, s.active, s.id) for s in stages]
    drafts[0] = replace(drafts[0], name="线索")
    services.pipeline.save_stages(drafts)
    services.data_language.ensure_defaults("zh_CN", chinese)
    assert services.pipeline.stages()[0].name == "线索"


def test_demo_quote_terms_follow_the_database_language(services: Services,
                                                       database: Database) -> None:
    services.data_language.ensure_defaults("zh_CN", chinese)
    DemoBuilder(services).build(accounts=6, contacts=12, leads=0, opportunities=12,
                                activities=0, quotes=6, tickets=0)
    with database.engine.connect() as connection:
        terms = {row[0] for row in connection.exec_driver_sql("SELECT terms FROM quote")}
    assert terms == {TERMS_CN}, terms
    assert TERMS_EN not in terms
