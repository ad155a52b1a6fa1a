//! The JSON forms of the embedded frameworks (`core/embedded/`) are the TOML files of
//! `indicators/` written by `Framework::to_json`: the library reads the JSON forms, so builds
//! without the TOML reader (the calculator's module) have the same frameworks.
//!
//! After a TOML file changes, `DTI_UPDATE_EMBEDDED=1 cargo test -p dti-tests --test embedded`
//! writes them again.

use std::path::Path;

use dti_core::{Framework, embedded};

#[test]
fn the_json_forms_are_the_toml_files_written_as_json() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/embedded");
    let update = std::env::var_os("DTI_UPDATE_EMBEDDED").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (id, toml) in embedded::FRAMEWORKS {
        let framework = Framework::from_toml(toml, Some(id)).unwrap();
        let json = framework
            .to_json()
            .unwrap_or_else(|| panic!("{id} holds a number JSON cannot write"));
        let path = folder.join(format!("{id}.json"));
        if update {
            // The library compiled into this test still holds the old forms.
            std::fs::write(&path, &json).unwrap();
            continue;
        }
        if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
            stale.push(path.display().to_string());
        }
        assert_eq!(embedded::framework(id), Some(framework), "{id}");
    }
    assert!(
        stale.is_empty(),
        "stale: {stale:?}; run DTI_UPDATE_EMBEDDED=1 cargo test -p dti-tests --test embedded"
    );
}
