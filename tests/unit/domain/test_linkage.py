"""Probabilistic duplicate matching of person records: normalisation, blocking, levels,
EM-fitted scoring, clustering (pure rules, no database)."""

from __future__ import annotations

import importlib.util
import itertools
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from desk_crm.domain.linkage import normalize as norm
from desk_crm.domain.linkage.blocking import candidate_pairs, record_keys
from desk_crm.domain.linkage.cluster import clusters
from desk_crm.domain.linkage.compare import COMPARISONS, FIELD_INDEX, compare
from desk_crm.domain.linkage.model import MatchModel
from desk_crm.domain.linkage.record import PersonRecord
from desk_crm.domain.linkage.scan import scan
from desk_crm.domain.linkage.table import table_of


def _levels(a: PersonRecord, b: PersonRecord) -> dict[str, str]:
    table = table_of([a, b])
    gamma = compare(table, np.array([0], dtype=np.int32), np.array([1], dtype=np.int32))
    return {c.key: c.levels[int(gamma[0, i])] for i, c in enumerate(COMPARISONS)}


def test_chinese_forms_compare_alike() -> None:
    assert norm.city("北京市") == norm.city("北京") == norm.city("Beijing") == "beijing"
    assert norm.region("广东省") == norm.region("Guangdong Province") == "guangdong"
    assert norm.address("广东省深圳市南山区科技路１２号") == norm.address("南山区科技路12号")
    assert norm.name_part("欧阳", family=True) == norm.name_part("Ou Yang") == "ouyang"
    assert norm.phone("+86 138 0013 8000") == norm.phone("0086-13800138000")
    assert norm.birth_date("1980-03-04") == "19800304"
    assert norm.address("12 Main Street") == norm.address("12 main st.")


def test_levels_name_swaps_pinyin_and_dates() -> None:
    base = PersonRecord("a", "Smith", "John", birth_date="1980-03-04", postal_code="2000")
    swapped = PersonRecord("b", "John", "Smith", birth_date="1980-04-03", postal_code="2001")
    levels = _levels(base, swapped)
    assert levels["family"] == levels["given"] == "swapped"
    assert levels["birth"] == "day and month swapped"
    assert levels["address"] == "missing" or levels["address"] != "exact"
    typo = _levels(base, PersonRecord("c", "Smiht", "John", birth_date="1980-03-05"))
    assert typo["family"] in ("very similar", "similar") and typo["birth"] == "one edit"
    homophone = _levels(PersonRecord("d", "张", "三"), PersonRecord("e", "章", "三"))
    assert homophone["family"] == "same pinyin" and homophone["given"] == "exact"
    latin = _levels(PersonRecord("d", "张", "三"), PersonRecord("e", "Zhang", "San"))
    assert latin["family"] == "same pinyin"
    missing = _levels(PersonRecord("f", "Li"), PersonRecord("g", "Li", "Wei"))
    assert missing["given"] == "missing" and missing["birth"] == "missing"


def test_blocking_meets_swaps_and_first_letter_typos_and_bounds_blocks() -> None:
    records = [PersonRecord("0", "Smith", "Johanna"), PersonRecord("1", "Johanna", "Smith"),
               PersonRecord("2", "Xmith", "Johanna"), PersonRecord("3", "Brown", "Alice")]
    table = table_of(records)
    assert set(record_keys(table, 0)) == set(record_keys(table, 1))
    left, right = candidate_pairs(table)
    pairs = set(zip(left.tolist(), right.tolist(), strict=True))
    assert {(0, 1), (0, 2)} <= pairs and not any(3 in p for p in pairs)
    # A thousand records sharing one dummy phone: a window, not a million pairs.
    crowd = table_of([PersonRecord(str(i), f"N{i}", "X", phones=("+61 400000000",))
                      for i in range(1000)])
    left, _ = candidate_pairs(crowd, window=12)
    assert len(left) <= 1000 * 11
    assert len(set(zip(*candidate_pairs(crowd), strict=True))) == len(left)  # deduplicated


def _bench_generator():  # type: ignore[no-untyped-def]
    path = Path(__file__).parents[3] / "bench" / "dedupe_data.py"
    spec = importlib.util.spec_from_file_location("dedupe_data", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dedupe_data"] = module
    spec.loader.exec_module(module)
    return module


def _f1(labelled: list[tuple[int, PersonRecord]], threshold: float = 0.9) -> tuple[float, ...]:
    table = table_of([r for _, r in labelled])
    result = scan(table)
    found = {p for c in clusters(result.left, result.right, result.probability, threshold)
             for p in itertools.combinations(c.members, 2)}
    by_entity: dict[int, list[int]] = {}
    for index, (entity, _) in enumerate(labelled):
        by_entity.setdefault(entity, []).append(index)
    truth = {p for m in by_entity.values() for p in itertools.combinations(m, 2)}
    hits = len(found & truth)
    precision, recall = hits / max(len(found), 1), hits / max(len(truth), 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


@pytest.mark.parametrize("birth", [True, False])
def test_generated_records_are_found_with_and_without_birth_dates(birth: bool) -> None:
    data = _bench_generator()
    labelled = data.generate(800, seed=11)
    if not birth:
        labelled = data.without_birth_dates(labelled)
    precision, _recall, f1 = _f1(labelled)
    assert precision >= 0.95
    assert f1 >= (0.93 if birth else 0.88)


def test_birth_dates_separate_namesakes_at_one_address() -> None:
    """Father and son: same name, same address, birth dates decades apart."""
    data = _bench_generator()
    people = [r for _, r in data.generate(300, seed=4)]
    father = PersonRecord("f", "Miller", "Robert", "12 Oak Road", "", "2600", "Dover", "ACT",
                          "1950-02-11")
    son = PersonRecord("s", "Miller", "Robert", "12 Oak Road", "", "2600", "Dover", "ACT",
                       "1984-07-30")
    again = PersonRecord("a", "Miller", "Robert", "12 Oak Rd", "", "2600", "Dover", "ACT",
                         "1950-11-02")
    table = table_of([father, son, again, *people])
    result = scan(table)
    probability = {(int(a), int(b)): float(p) for a, b, p in
                   zip(result.left, result.right, result.probability, strict=True)}
    assert probability.get((0, 1), 0.0) <= 0.5  # different birth dates: two people
    assert probability[(0, 2)] >= 0.9  # day and month swapped: one person


def test_explanation_adds_up_to_the_weight() -> None:
    model = MatchModel.default()
    levels = [1, 1, 1, 1, 0, 0, 0]
    gamma = np.array([levels], dtype=np.int8)
    parts = model.explain(levels)
    assert [p.key for p in parts] == [c.key for c in COMPARISONS]
    prior_bits = math.log2(model.prior / (1 - model.prior))
    assert sum(p.bits for p in parts) + prior_bits == pytest.approx(model.weights(gamma)[0])
    assert parts[FIELD_INDEX["birth"]].level == "exact" and parts[4].bits == 0.0
    assert MatchModel.from_json(model.to_json()).prior == model.prior
    assert MatchModel.from_json("{not json").prior == MatchModel.default().prior


def test_different_given_names_cap_the_weight() -> None:
    model = MatchModel.default()
    household = np.array([[1, 6, 1, 0, 0, 0, 1]], dtype=np.int8)  # same family/address/phone
    assert model.probability(household)[0] <= 0.5
    assert model.veto([1, 6, 1, 0, 0, 0, 1]) == "given"


def test_clusters_join_transitively_skip_dismissed_and_keep_the_weakest_link() -> None:
    left = np.array([0, 1, 3], dtype=np.int32)
    right = np.array([1, 2, 4], dtype=np.int32)
    probability = np.array([0.99, 0.92, 0.95])
    found = clusters(left, right, probability, 0.9)
    assert [c.members for c in found] == [(3, 4), (0, 1, 2)]
    assert found[1].probability == pytest.approx(0.92)
    assert [c.members for c in clusters(left, right, probability, 0.9, [(2, 1)])] == [
        (0, 1), (3, 4)]
    assert clusters(left, right, probability, 0.999) == []


def test_id_column_finds_places_without_a_dictionary_of_every_id() -> None:
    from desk_crm.domain.linkage.ids import IdColumn, encode

    column = IdColumn([encode(["b-2", "a-1"]), encode(["c-3", "联系人-4"])])
    assert len(column) == 4 and column[3] == "联系人-4"
    assert list(column) == ["b-2", "a-1", "c-3", "联系人-4"]
    assert column.positions(["c-3", "a-1", "missing", "联系人-4"]) == {
        "c-3": 2, "a-1": 1, "联系人-4": 3}
    assert column.index("b-2") == 0
    with pytest.raises(ValueError):
        column.index("zz")


def test_pairs_made_a_range_of_records_at_a_time_are_the_pairs_of_the_whole() -> None:
    from desk_crm.domain.linkage.blocking import Blocks

    crowd = table_of([PersonRecord(str(i), f"N{i % 37}", "X", postal_code=f"{i % 11}",
                                   street=f"{i % 5} Main St", phones=("+61 400000000",))
                      for i in range(600)])
    blocks = Blocks(crowd)
    ranges = blocks.ranges(pairs_per_range=500)
    assert len(ranges) > 3 and ranges[0][0] == 0 and ranges[-1][1] == 600
    whole = set(zip(*blocks.pairs(), strict=True))
    pieces = [pair for low, high in ranges
              for pair in zip(*blocks.pairs(low, high), strict=True)]
    assert len(pieces) == len(whole) and set(pieces) == whole
    assert all(low <= a < high for low, high in ranges
               for a, _ in zip(*blocks.pairs(low, high), strict=True))


def test_blocks_pair_each_entry_with_the_next_entries_of_its_key_in_name_order() -> None:
    from desk_crm.domain.linkage.blocking import Blocks, key_arrays, name_rank

    crowd = table_of([PersonRecord(str(i), f"N{i % 7}", f"G{i % 3}", postal_code=f"{i % 4}",
                                   street=f"{i % 2} Main St", phones=(f"+61 4000{i % 5}",))
                      for i in range(300)])
    rank = name_rank(crowd)
    keys, members = key_arrays(crowd)
    for window in (2, 3, 12):
        expected = set()
        for key in set(keys.tolist()):
            block = sorted(members[keys == key].tolist(), key=lambda r: (rank[r], r))
            for i, a in enumerate(block):
                for b in block[i + 1:i + window]:
                    if a != b:
                        expected.add((min(a, b), max(a, b)))
        left, right = Blocks(crowd, window).pairs()
        assert list(zip(left.tolist(), right.tolist(), strict=True)) == sorted(expected)


def test_uuid_ids_are_held_as_16_bytes_and_come_back_as_the_same_text() -> None:
    import uuid

    from desk_crm.domain.linkage.ids import IdColumn, encode

    ids = [str(uuid.UUID(int=n * 0x1F3D5B79 << 40)) for n in range(50)]
    ids.append("00000000-0000-0000-0000-000000000000")  # NUL bytes all through
    column = IdColumn([encode(ids[:20]), encode(ids[20:])])
    assert column._data.dtype == np.dtype("S16")
    assert list(column) == ids and column[-1] == ids[-1] and column[3:5] == ids[3:5]
    upper = ids[7].upper()
    assert column.positions([ids[7], upper, "not-an-id", ids[0]]) == {ids[7]: 7, ids[0]: 0}
    # One batch of other ids: every id is held as its text, nothing is lost.
    mixed = IdColumn([encode(ids[:3]), encode([upper, "b-2"])])
    assert list(mixed) == [*ids[:3], upper, "b-2"]
    assert mixed.positions([upper, ids[1]]) == {upper: 3, ids[1]: 1}


def test_nearly_distinct_columns_are_coded_in_first_appearance_order_even_on_a_collision(
        ) -> None:
    from desk_crm.domain.linkage.table import _Staged

    values = ["b st", "", "a st", "b st", "上海路", "a st", ""]
    staged = _Staged()
    staged.extend(values[:4])
    staged.extend(values[4:])
    codes, packed = staged.code()
    assert codes.tolist() == [1, 0, 2, 1, 3, 2, 0]
    assert list(packed) == ["", "b st", "a st", "上海路"]
    clash = _Staged()
    clash.extend(values)
    clash._hashes[:] = type(clash._hashes)("q", [5] * len(values))  # every hash equal
    codes, packed = clash.code()
    assert codes.tolist() == [1, 0, 2, 1, 3, 2, 0]
    assert list(packed) == ["", "b st", "a st", "上海路"]
