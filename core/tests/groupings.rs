//! Named groupings (`group:NAME` columns, `groups` in JSON) read into every unit, in each layout.

use std::collections::BTreeMap;

use dti_core::Dataset;

fn groups(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(g, l)| (g.to_string(), l.to_string()))
        .collect()
}

fn read(text: &str) -> Vec<BTreeMap<String, String>> {
    let parsed = Dataset::parse(text, Some("groups"));
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    parsed
        .dataset
        .units()
        .iter()
        .map(|u| u.groups.clone())
        .collect()
}

#[test]
fn wide_csv_reads_every_grouping_and_leaves_blank_labels_out() {
    let text = "code,group,group:income,Nhóm: vùng,I1\n\
                01,North,High,Đồng bằng,0.5\n\
                92,South,,Tây Nam Bộ,0.7\n";
    let parsed = Dataset::parse(text, None);
    assert_eq!(
        parsed.dataset.columns(),
        ["I1"],
        "groupings are not indicators"
    );
    assert_eq!(parsed.dataset.units()[0].group.as_deref(), Some("North"));
    assert_eq!(
        read(text),
        [
            groups(&[("income", "High"), ("vùng", "Đồng bằng")]),
            groups(&[("vùng", "Tây Nam Bộ")]),
        ]
    );
}

#[test]
fn long_csv_merges_the_labels_of_a_unit_across_rows() {
    let text = "unit,indicator,value,group:income,group:size\n\
                01,I1,0.5,High,\n\
                01,I2,0.4,,Large\n";
    assert_eq!(
        read(text),
        [groups(&[("income", "High"), ("size", "Large")])]
    );
}

#[test]
fn json_units_carry_a_groups_object() {
    let text = r#"{"units": [{"code": "01", "groups": {"income": "High", "size": null},
                   "values": {"I1": 0.5}}]}"#;
    assert_eq!(read(text), [groups(&[("income", "High")])]);
}
