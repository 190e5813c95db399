"""Scoring and blocking of duplicate contacts and accounts (pure rules)."""

from __future__ import annotations

from desk_crm.domain.duplicates import (
    AccountKey,
    ContactKey,
    account_blocks,
    company_key,
    contact_blocks,
    group_duplicates,
    score_accounts,
    score_contacts,
)


def test_chinese_name_spacing_and_pinyin_score_100() -> None:
    zhang = ContactKey("a", "张", "三")
    assert score_contacts(zhang, ContactKey("b", "张 ", " 三")).score == 100
    assert score_contacts(zhang, ContactKey("c", "Zhang", "San")).score == 100
    assert score_contacts(zhang, ContactKey("d", "zhang", "san")).score == 100


def test_homophones_and_different_people_score_low() -> None:
    assert score_contacts(ContactKey("a", "张", "三"), ContactKey("b", "章", "三")).score < 90
    assert score_contacts(ContactKey("a", "Wang", "Wei"), ContactKey("b", "Wang", "Fang")
                          ).score < 90


def test_exact_email_or_phone_is_100_whatever_the_name() -> None:
    left = ContactKey("a", "Li", "Si", emails=frozenset({"li@x.org"}))
    right = ContactKey("b", "Wang", "Wu", emails=frozenset({"li@x.org"}))
    assert score_contacts(left, right).score == 100
    assert score_contacts(left, right).reason == "email"
    phone = ContactKey("c", "Zhao", "Liu", phones=frozenset({"+8613800138000"}))
    assert score_contacts(phone, ContactKey("d", "X", "Y", phones=phone.phones)).reason == "phone"


def test_namesakes_at_two_accounts_are_not_matched_by_name() -> None:
    assert score_contacts(ContactKey("a", "张", "三", account_id="A"),
                          ContactKey("b", "张", "三", account_id="B")).score == 0


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


def test_grouping_compares_only_within_blocks_and_scores_groups() -> None:
    keys = [ContactKey("1", "张", "三"), ContactKey("2", "Zhang", "San"),
            ContactKey("3", "Li", "Si", emails=frozenset({"x@y.org"})),
            ContactKey("4", "Wang", "Wu", emails=frozenset({"x@y.org"})),
            ContactKey("5", "Zhao", "Liu")]
    calls: list[tuple[str, str]] = []

    def counting(a: ContactKey, b: ContactKey):
        calls.append((a.id, b.id))
        return score_contacts(a, b)

    groups = group_duplicates(keys, counting, contact_blocks)
    assert {g.members for g in groups} == {("1", "2"), ("3", "4")}
    assert all(g.score == 100 for g in groups)
    # Li and Wang share only the email block; Zhao and Li never meet (blocks z and l).
    assert ("3", "5") not in calls and ("5", "3") not in calls
    assert len(calls) < len(keys) * (len(keys) - 1) // 2


def test_different_people_are_not_grouped_and_progress_reported() -> None:
    keys = [ContactKey("1", "Smith", "John"), ContactKey("2", "Smith", "Mary"),
            ContactKey("3", "Brown", "Alice")]
    seen: list[tuple[int, int]] = []
    assert group_duplicates(keys, score_contacts, contact_blocks,
                            progress=lambda d, t: seen.append((d, t))) == []
    assert seen[-1][0] == seen[-1][1] > 0


def test_account_groups() -> None:
    keys = [AccountKey("a", "Northwind Traders Ltd"), AccountKey("b", "Northwind Traders Limited"),
            AccountKey("c", "Northwest Bank")]
    groups = group_duplicates(keys, score_accounts, account_blocks)
    assert [g.members for g in groups] == [("a", "b")]


def test_screened_big_blocks_give_the_same_groups_as_scoring_every_block_pair() -> None:
    import random

    from desk_crm.domain.duplicates import contact_name_text

    rng = random.Random(3)
    families = ["Zhang", "张", "Zhao", "赵", "Zhou"]
    givens = ["Wei", "伟", "San", "三", "Min", "Mingli", "Na"]
    keys = [ContactKey(str(i), rng.choice(families), rng.choice(givens)) for i in range(200)]
    full = group_duplicates(keys, score_contacts, contact_blocks)
    screened = group_duplicates(keys, score_contacts, contact_blocks,
                                name_text=contact_name_text)
    assert screened == full
    assert len(full) > 3
