"""Three-way merge rules, by hand."""

from desk_crm.sync.merge import DELETED, changed_fields, merge_fields, merge_record

BASE = {"name": "Acme", "phone": "+861", "city": "Beijing"}


def test_unchanged_both_sides_is_clean_and_writes_nothing():
    result = merge_fields(BASE, dict(BASE), dict(BASE))
    assert result.clean and result.take == {} and result.push == {}
    assert result.merged == BASE


def test_field_changed_only_on_server_is_taken():
    result = merge_fields(BASE, dict(BASE), {**BASE, "city": "Shanghai"})
    assert result.take == {"city": "Shanghai"} and result.push == {}
    assert result.merged["city"] == "Shanghai"


def test_field_changed_only_locally_is_kept_and_pushed():
    result = merge_fields(BASE, {**BASE, "phone": "+862"}, dict(BASE))
    assert result.push == {"phone": "+862"} and result.take == {}
    assert result.merged["phone"] == "+862"


def test_different_fields_on_each_side_merge_silently():
    result = merge_fields(BASE, {**BASE, "phone": "+862"}, {**BASE, "city": "Xi'an"})
    assert result.clean
    assert result.merged == {"name": "Acme", "phone": "+862", "city": "Xi'an"}
    assert result.take == {"city": "Xi'an"} and result.push == {"phone": "+862"}


def test_same_change_on_both_sides_is_no_conflict():
    result = merge_fields(BASE, {**BASE, "name": "ACME"}, {**BASE, "name": "ACME"})
    assert result.clean and result.take == {} and result.push == {}


def test_same_field_changed_differently_is_a_conflict_and_keeps_mine_meanwhile():
    result = merge_fields(BASE, {**BASE, "name": "Mine"}, {**BASE, "name": "Theirs",
                                                          "city": "Wuhan"})
    assert [(c.name, c.base, c.mine, c.theirs) for c in result.conflicts] == [
        ("name", "Acme", "Mine", "Theirs")]
    assert result.merged["name"] == "Mine"
    assert result.take == {"city": "Wuhan"}  # the other field still merges


def test_blank_values_are_equal_whatever_their_type():
    result = merge_fields({"email": ""}, {"email": None}, {"email": []})
    assert result.clean and result.take == {} and result.push == {}


def test_field_unknown_to_base_on_both_sides_differently_conflicts():
    result = merge_fields({}, {"tags": ["a"]}, {"tags": ["b"]})
    assert result.conflicts[0].name == "tags" and result.conflicts[0].base is None


def test_deleted_on_server_and_edited_locally_is_a_conflict():
    result = merge_record(BASE, {**BASE, "phone": "+869"}, BASE, theirs_deleted=True)
    assert [c.name for c in result.conflicts] == [DELETED]
    assert result.conflicts[0].theirs is True and result.conflicts[0].mine is False
    assert not result.deleted


def test_deleted_locally_and_edited_on_server_is_a_conflict():
    result = merge_record(BASE, BASE, {**BASE, "name": "Renamed"}, mine_deleted=True)
    assert [c.name for c in result.conflicts] == [DELETED]
    assert result.conflicts[0].mine is True


def test_deleted_on_server_untouched_locally_deletes():
    result = merge_record(BASE, dict(BASE), {**BASE}, theirs_deleted=True)
    assert result.clean and result.deleted


def test_deleted_locally_untouched_on_server_deletes():
    result = merge_record(BASE, BASE, dict(BASE), mine_deleted=True)
    assert result.clean and result.deleted


def test_deleted_on_both_sides_is_clean():
    result = merge_record(BASE, {**BASE, "name": "x"}, {**BASE, "name": "y"},
                          mine_deleted=True, theirs_deleted=True)
    assert result.clean and result.deleted


def test_changed_fields_lists_only_differences():
    assert changed_fields(BASE, {**BASE, "city": "Harbin"}) == {"city": "Harbin"}


def test_tryton_party_names_split_back_into_the_same_parts():
    from desk_crm.domain.names import split_full_name
    from desk_crm.sync.adapters.tryton import party_name
    for family, given in [("王", "芳"), ("欧阳", "娜娜"), ("Chen", "Li"), ("Loc1", "P"),
                          ("van Dijk", "Anna"), ("Smith", ""), ("O'Neil", "Mary Ann")]:
        written = party_name(family, given)
        assert split_full_name(written) == (family, given), written
    assert party_name("王", "芳") == "王芳" and party_name("Chen", "Li") == "Li Chen"
