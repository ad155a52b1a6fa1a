//! Frameworks and data sets shipped inside the library, so the default needs no file.
//!
//! The texts are the files in the workspace's `indicators/` folder. The frameworks are
//! compiled in as static tables of their validated form (`core/src/framework/built_in/data.rs`,
//! written from the TOML files and kept current by a test), so builds without a framework
//! reader (the calculator's module) have the same frameworks, without reading or validating.

use crate::dataset::Dataset;
use crate::framework::Framework;

/// The id of the default framework: the provincial DTI of 922/QĐ-BTTTT (2022).
pub const DEFAULT_FRAMEWORK: &str = "dti-province-2022";

/// The embedded framework files: `(id, TOML text)`, as written in `indicators/`.
#[cfg(feature = "toml")]
pub const FRAMEWORKS: &[(&str, &str)] = &[
    (
        "dti-province-2022",
        include_str!("../indicators/dti-province-2022.toml"),
    ),
    (
        "dti-province-2020",
        include_str!("../indicators/dti-province-2020.toml"),
    ),
    (
        "illustrative-monitoring",
        include_str!("../indicators/illustrative-monitoring.toml"),
    ),
];

/// The ids of the embedded frameworks, the default first.
pub const FRAMEWORK_IDS: &[&str] = &[
    "dti-province-2022",
    "dti-province-2020",
    "illustrative-monitoring",
];

/// The embedded data sets: `(file name, framework id, CSV text)`.
pub const DATASETS: &[(&str, &str, &str)] = &[
    (
        "quang-ninh-2022.csv",
        "dti-province-2022",
        include_str!("../indicators/data/quang-ninh-2022.csv"),
    ),
    (
        "synthetic-63-provinces-2022.csv",
        "dti-province-2022",
        include_str!("../indicators/data/synthetic-63-provinces-2022.csv"),
    ),
    (
        "binh-duong-2023.csv",
        "illustrative-monitoring",
        include_str!("../indicators/data/binh-duong-2023.csv"),
    ),
];

/// The provinces before 1 July 2025 (`code,name`).
pub const PROVINCES_2024: &str = include_str!("../indicators/admin/provinces-2024.csv");

/// The 2025 merger mapping (`new_unit,new_name,former_code,former_name`).
pub const MERGERS_2025: &str = include_str!("../indicators/admin/mergers-2025.csv");

/// An embedded framework by id.
///
/// ```
/// let framework = dti_core::embedded::framework("dti-province-2020").unwrap();
/// assert_eq!(framework.names().en, "Provincial Digital Transformation Index, 2020 method");
/// ```
pub fn framework(id: &str) -> Option<Framework> {
    crate::framework::built_in(id)
}

/// The default framework (the 2022 provincial DTI).
pub fn default_framework() -> Framework {
    match framework(DEFAULT_FRAMEWORK) {
        Some(framework) => framework,
        // The embedded file is checked by the test suite; reaching this is a build defect.
        None => unreachable!("the embedded default framework does not parse"),
    }
}

/// The embedded framework a data set was made for: the one whose indicators' codes head the
/// most of its columns (letter case aside, as [`crate::check::check`] reads them); `None` when
/// no embedded framework has any of them. A file scored with the wrong framework is told
/// which one fits.
///
/// ```
/// let (data, id) = dti_core::embedded::dataset("binh-duong-2023.csv").unwrap();
/// assert_eq!(dti_core::embedded::framework_for(&data), Some(id));
/// ```
pub fn framework_for(data: &Dataset) -> Option<&'static str> {
    let fitting = |framework: &Framework| {
        framework
            .indicators()
            .filter(|&id| {
                crate::check::indicator_column(framework, data, &framework.node(id).code).is_some()
            })
            .count()
    };
    let mut best = None;
    let mut most = 0;
    for &id in FRAMEWORK_IDS {
        let count = framework(id).map_or(0, |framework| fitting(&framework));
        if count > most {
            (best, most) = (Some(id), count);
        }
    }
    best
}

/// Names, in a [`crate::Problem::NoValues`] error among a check's diagnostics, the embedded framework
/// the data fits ([`framework_for`]) when it is another than the one checked with: for front
/// ends that can run again with another framework (the command line's `--framework`).
///
/// ```
/// use dti_core::diagnostic::Problem;
/// let framework = dti_core::embedded::default_framework();
/// let (data, _) = dti_core::embedded::dataset("binh-duong-2023.csv").unwrap();
/// let mut checked = dti_core::check(&framework, &data);
/// dti_core::embedded::name_fitting_framework(&framework, &data, &mut checked.diagnostics);
/// assert!(checked.diagnostics.iter().any(|d| matches!(
///     &d.problem,
///     Problem::NoValues { fits: Some(id), .. } if id == "illustrative-monitoring"
/// )));
/// ```
pub fn name_fitting_framework(
    framework: &Framework,
    data: &Dataset,
    diagnostics: &mut [crate::Diagnostic],
) {
    for diagnostic in diagnostics {
        if let crate::Problem::NoValues { fits, .. } = &mut diagnostic.problem {
            *fits = framework_for(data)
                .filter(|&id| id != framework.id())
                .map(str::to_string);
        }
    }
}

/// An embedded data set by file name, with the id of the framework it is for.
pub fn dataset(name: &str) -> Option<(Dataset, &'static str)> {
    let (file, framework, text) = DATASETS.iter().find(|(file, _, _)| *file == name)?;
    let parsed = Dataset::from_csv(text, Some(file));
    (!parsed.has_errors()).then_some((parsed.dataset, *framework))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "toml")]
    fn every_embedded_framework_parses() {
        for (id, text) in FRAMEWORKS {
            let framework =
                Framework::from_toml(text, Some(id)).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(framework.id(), *id);
        }
    }

    /// The built-in tables are the TOML files, setting for setting, so the calculator (which
    /// has no TOML reader) scores with exactly the frameworks the command line reads;
    /// `tests/tests/embedded.rs` writes them again (`DTI_UPDATE_EMBEDDED=1`) after a TOML file
    /// changes.
    #[test]
    #[cfg(feature = "toml")]
    fn the_built_in_frameworks_are_the_toml_files() {
        let ids: Vec<&str> = FRAMEWORKS.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, FRAMEWORK_IDS);
        for (id, toml) in FRAMEWORKS {
            let from_toml = Framework::from_toml(toml, Some(id)).unwrap();
            assert_eq!(
                framework(id).as_ref(),
                Some(&from_toml),
                "{id}: the built-in tables are stale; run DTI_UPDATE_EMBEDDED=1 cargo test -p dti-tests --test embedded"
            );
        }
        assert_eq!(framework("dti-province-2021"), None);
    }

    #[test]
    fn every_embedded_data_set_scores_cleanly_with_its_framework() {
        for (file, id, text) in DATASETS {
            let parsed = Dataset::from_csv(text, Some(file));
            assert!(!parsed.has_errors(), "{file}: {:?}", parsed.diagnostics);
            let framework = framework(id).unwrap();
            let results =
                crate::score(&framework, &parsed.dataset).unwrap_or_else(|e| panic!("{file}: {e}"));
            let warnings: Vec<_> = results
                .diagnostics
                .iter()
                .filter(|d| d.severity > crate::Severity::Note)
                .collect();
            assert!(warnings.is_empty(), "{file}: {warnings:?}");
        }
    }

    #[test]
    fn the_merger_mapping_covers_the_63_provinces_once() {
        let provinces: Vec<&str> = PROVINCES_2024
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .collect();
        assert_eq!(provinces.len(), 63);
        let rows: Vec<Vec<&str>> = MERGERS_2025
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .map(|l| l.split(',').collect())
            .collect();
        assert_eq!(rows.len(), 63);
        for province in &provinces {
            let (code, name) = province.split_once(',').unwrap();
            let mapped: Vec<_> = rows.iter().filter(|r| r[2] == code).collect();
            assert_eq!(mapped.len(), 1, "{code}");
            assert_eq!(mapped[0][3], name);
        }
        let mut new_units: Vec<&str> = rows.iter().map(|r| r[0]).collect();
        new_units.dedup();
        assert_eq!(new_units.len(), 34);
    }
}
