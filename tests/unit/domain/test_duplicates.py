"""Scoring and blocking of duplicate accounts (pure rules). Contacts are matched
probabilistically: tests/unit/domain/test_linkage.py."""

from __future__ import annotations

import random

from desk_crm.domain.duplicates import (
    AccountKey,
    Match,
    account_blocks,
    account_name_text,
    company_key,
    group_duplicates,
    score_accounts,
)


def test_company_legal_forms_are_ignored() -> None:
    assert company_key("Northwind Traders Ltd") == company_key("Northwind Traders Limited")
    assert score_accounts(AccountKey("a", "Northwind Traders Ltd"),
                          AccountKey("b", "Northwind Traders Limited")).score == 100
    assert score_accounts(AccountKey("a", "Northwind Traders"),
                          AccountKey("b", "Contoso Pharmaceuticals")).score < 90
    assert company_key("星辰科技有限公司") == company_key("星辰科技")


def test_accounts_with_one_web_domain_match() -> None:
    match = score_accounts(AccountKey("a", "Acme", website="https://www.acme.com/about"),
                           AccountKey("b", "ACME Europe", website="acme.com"))
    assert (match.score, match.reason, match.value) == (100, "website", "acme.com")


def test_exact_email_or_phone_is_100_whatever_the_name() -> None:
    left = AccountKey("a", "Li Trading", emails=frozenset({"info@x.org"}))
    right = AccountKey("b", "Wang Holdings", emails=frozenset({"info@x.org"}))
    assert score_accounts(left, right) == Match(100, "email", "info@x.org")


def test_grouping_compares_only_within_blocks_and_scores_groups() -> None:
    keys = [AccountKey("1", "Northwind Traders Ltd"), AccountKey("2", "Northwind Traders"),
            AccountKey("3", "Li Si", emails=frozenset({"x@y.org"})),
            AccountKey("4", "Wang Wu", emails=frozenset({"x@y.org"})),
            AccountKey("5", "Zhao Liu")]
    calls: list[tuple[str, str]] = []

    def counting(a: AccountKey, b: AccountKey) -> Match:
        calls.append((a.id, b.id))
        return score_accounts(a, b)

    seen: list[tuple[int, int]] = []
    groups = group_duplicates(keys, counting, account_blocks,
                              progress=lambda d, t: seen.append((d, t)))
    assert {g.members for g in groups} == {("1", "2"), ("3", "4")}
    assert ("3", "5") not in calls and ("5", "3") not in calls
    assert seen[-1][0] == seen[-1][1] > 0


def test_screened_big_blocks_give_the_same_groups_as_scoring_every_block_pair() -> None:
    rng = random.Random(3)
    words = ["Northwind", "Northwest", "Nordic", "North Star", "Norwich", "北方", "北京"]
    tails = ["Traders", "Trading", "Bank", "Logistics", "科技", "Ltd", ""]
    keys = [AccountKey(str(i), f"{rng.choice(words)} {rng.choice(tails)}") for i in range(200)]
    full = group_duplicates(keys, score_accounts, account_blocks)
    screened = group_duplicates(keys, score_accounts, account_blocks,
                                name_text=account_name_text)
    assert screened == full
    assert len(full) > 3
