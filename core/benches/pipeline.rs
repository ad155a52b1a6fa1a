//! One full rebuild of COINr's ASEM example (51 units × 49 indicators, 4 levels): denominate,
//! impute by group, screen, treat, normalise, aggregate. COINr takes about 0.11 s for this.
//!
//! Reads the data from `../shared/conformance/coinr-asem/` relative to the workspace root and
//! the methodology from `tests/fixtures/pipeline/asem-full.toml`; prints a note and exits if the
//! data is missing.

use std::hint::black_box;
use std::path::Path;

use criterion::Criterion;
use dti_core::pipeline::{Dataset, NodeKind, NodeSpec, PipelineSpec, Tree, run};

type Rows = (Vec<String>, Vec<Vec<String>>);

fn read(path: &Path) -> Option<Rows> {
    let mut r = csv::Reader::from_path(path).ok()?;
    let header = r.headers().ok()?.iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|rec| rec.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<Result<_, _>>()
        .ok()?;
    Some((header, rows))
}

fn num(s: &str) -> Option<f64> {
    s.parse().ok()
}

fn load(dir: &Path) -> Option<(Dataset, Tree)> {
    let (mh, meta) = read(&dir.join("ASEM_iMeta.csv"))?;
    let at = |h: &[String], name: &str| h.iter().position(|c| c == name);
    let (code, ty, par, w, d, den, tgt) = (
        at(&mh, "iCode")?,
        at(&mh, "Type")?,
        at(&mh, "Parent")?,
        at(&mh, "Weight")?,
        at(&mh, "Direction")?,
        at(&mh, "Denominator")?,
        at(&mh, "Target")?,
    );
    let (mut nodes, mut numeric, mut groups) = (Vec::new(), Vec::new(), Vec::new());
    for row in &meta {
        let kind = match row[ty].as_str() {
            "Indicator" => NodeKind::Indicator {
                direction: row[d].parse().ok()?,
                denominator: (row[den] != "NA").then(|| row[den].clone()),
                target: num(&row[tgt]),
            },
            "Aggregate" => NodeKind::Aggregate,
            "Denominator" => {
                numeric.push(row[code].clone());
                continue;
            }
            _ => {
                groups.push(row[code].clone());
                continue;
            }
        };
        if matches!(kind, NodeKind::Indicator { .. }) {
            numeric.push(row[code].clone());
        }
        nodes.push(NodeSpec {
            code: row[code].clone(),
            parent: (row[par] != "NA").then(|| row[par].clone()),
            weight: num(&row[w])?,
            level: None,
            kind,
        });
    }
    let (dh, rows) = read(&dir.join("ASEM_iData.csv"))?;
    let u = at(&dh, "uCode")?;
    let mut data = Dataset::new(rows.iter().map(|r| r[u].clone()).collect(), None).ok()?;
    for name in &numeric {
        let j = at(&dh, name)?;
        data.push_column(name.clone(), rows.iter().map(|r| num(&r[j])).collect())
            .ok()?;
    }
    for name in &groups {
        let j = at(&dh, name)?;
        data.push_group(name.clone(), rows.iter().map(|r| r[j].clone()).collect())
            .ok()?;
    }
    Some((data, Tree::new(nodes).ok()?))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = root.join("../shared/conformance/coinr-asem");
    let Some((data, tree)) = load(&dir) else {
        println!(
            "ASEM conformance data not found at {}; nothing to benchmark",
            dir.display()
        );
        return;
    };
    let spec_path = root.join("tests/fixtures/pipeline/asem-full.toml");
    let spec = match std::fs::read_to_string(&spec_path).map(|t| PipelineSpec::from_toml(&t)) {
        Ok(Ok(spec)) => spec,
        Ok(Err(e)) => {
            println!("{}: {e}", spec_path.display());
            return;
        }
        Err(e) => {
            println!("{}: {e}", spec_path.display());
            return;
        }
    };
    let mut c = Criterion::default().configure_from_args();
    c.bench_function("asem full rebuild (51 x 49)", |b| {
        b.iter(|| run(black_box(&data), black_box(&tree), black_box(&spec)))
    });
    c.final_summary();
}
