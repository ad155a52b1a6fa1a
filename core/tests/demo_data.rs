//! The 63-province demonstration data set is synthetic and reproducible: this test rebuilds it
//! from its seed and compares it with the committed file (`UPDATE_EXPECT=1` rewrites it).

use std::fs;
use std::path::Path;

use dti_core::random::SplitMix64;
use dti_core::{Dataset, embedded, score};

const SEED: u64 = 2022;

fn generate() -> String {
    let mut rng = SplitMix64::new(SEED);
    let mut csv = String::from(
        "# SYNTHETIC DATA, NOT OFFICIAL FIGURES: seeded random main-indicator values (seed 2022) for the 63 provinces,\n\
         # for demonstrating the tool with the 2022 DTI method. Regenerate with: UPDATE_EXPECT=1 cargo test -p dti-core --test demo_data\n\
         code;name;year;I1;I2;I3;I4;I5;I7;I8;I9\n",
    );
    let provinces = embedded::PROVINCES_2024
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1);
    for line in provinces {
        let (code, name) = line.split_once(',').unwrap();
        // A province-wide level plus indicator noise, kept within 0.15..1.
        let level = 0.35 + 0.45 * rng.next_f64();
        let values: Vec<String> = (0..8)
            .map(|_| {
                let value = (level + 0.3 * (rng.next_f64() - 0.5)).clamp(0.15, 1.0);
                format!("{value:.4}").replace('.', ",")
            })
            .collect();
        csv.push_str(&format!("{code};{name};2022;{}\n", values.join(";")));
    }
    csv
}

#[test]
fn the_demonstration_data_is_the_seeded_synthetic_set() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../indicators/data/synthetic-63-provinces-2022.csv");
    let expected = generate();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&path, &expected).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap();
    assert_eq!(committed, expected);
    let parsed = Dataset::from_csv(&committed, None);
    assert!(!parsed.has_errors());
    assert!(parsed.dataset.notes()[0].starts_with("SYNTHETIC DATA"));
    let results = score(&embedded::default_framework(), &parsed.dataset).unwrap();
    assert_eq!(results.units.len(), 63);
}
