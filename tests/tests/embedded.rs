//! The embedded frameworks are compiled into the library as static tables of their validated
//! form, written out as Rust source (`core/src/framework/built_in/data.rs`) from the TOML files
//! of `indicators/`: builds without a framework reader (the calculator's module) then have the
//! same frameworks as the command line; this test compares them with the TOML files.
//!
//! After a TOML file changes, `DTI_UPDATE_EMBEDDED=1 cargo test -p dti-tests --test embedded`
//! writes the source again.

use std::path::Path;

use dti_core::{Framework, embedded};

#[test]
fn the_built_in_source_is_the_toml_files() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src/framework/built_in/data.rs");
    let frameworks: Vec<Framework> = embedded::FRAMEWORKS
        .iter()
        .map(|(id, toml)| Framework::from_toml(toml, Some(id)).unwrap())
        .collect();
    let source = dti_core::framework::built_in_source(&frameworks)
        .expect("an embedded framework holds what the Rust source cannot say");
    if std::env::var_os("DTI_UPDATE_EMBEDDED").is_some_and(|v| v == "1") {
        // The library compiled into this test still holds the old values.
        std::fs::write(&path, &source).unwrap();
        return;
    }
    assert!(
        std::fs::read_to_string(&path).ok().as_deref() == Some(source.as_str()),
        "{} is stale; run DTI_UPDATE_EMBEDDED=1 cargo test -p dti-tests --test embedded",
        path.display()
    );
    for framework in frameworks {
        let id = framework.id().to_string();
        assert_eq!(embedded::framework(&id), Some(framework), "{id}");
    }
}
