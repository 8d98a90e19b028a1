//! The manifest: what a run read and wrote, with SHA-256 hashes and the command line that
//! reproduces it, so an auditor can check an archived year years later (`tonghop verify`).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::RunConfig;
use crate::error::RunError;
use crate::ingest::{hex, Receipts};
use crate::normalise::Normalised;
use crate::report::Staged;

/// The manifest's file name in the output folder.
pub const FILE: &str = "manifest.json";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub tonghop_version: String,
    pub calamine_version: String,
    pub polars_version: String,
    pub rust_xlsxwriter_version: String,
    pub plan_id: String,
    /// The plan file as the command line gave it.
    pub plan_file: String,
    pub plan_sha256: String,
    pub year: i32,
    /// The folder holding the year folders, as given (`--inputs`).
    pub inputs_dir: String,
    /// The day of the check.
    pub as_of: String,
    /// Whether `as_of` was given, or defaulted to the day of the run.
    pub as_of_given: bool,
    /// The command line that reproduces the run.
    pub command: String,
    /// Every file in the year folder, and the receipts register if there is one.
    pub inputs: Vec<InputEntry>,
    /// Every output but the manifest.
    pub outputs: Vec<OutputEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct InputEntry {
    /// Path relative to the year folder.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    /// accepted, skipped, superseded, or register (the receipts register).
    pub outcome: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OutputEntry {
    pub path: String,
    pub sha256: String,
}

pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Builds the manifest of a run from its inputs and its rendered outputs.
pub fn build(cfg: &RunConfig, norm: &Normalised, receipts: Option<&Receipts>, outputs: &[Staged]) -> Result<Manifest, RunError> {
    use crate::versions::*;
    let plan_bytes = std::fs::read(&cfg.plan.path).map_err(|source| RunError::Write { path: cfg.plan.path.clone(), source })?;
    // (A file read in parts, one per agency, is one input: accepted where a part is.)
    let mut inputs: Vec<InputEntry> = Vec::new();
    for f in &norm.files {
        let path = crate::normalise::source_file(&f.file);
        let outcome = f.outcome.as_str();
        match inputs.last_mut() {
            Some(i) if i.path == path => {
                if outcome == "accepted" {
                    i.outcome = outcome.into();
                }
            }
            _ => inputs.push(InputEntry { path: path.to_string(), bytes: f.bytes, sha256: f.sha256.clone(), outcome: outcome.into() }),
        }
    }
    if let Some(r) = receipts {
        inputs.push(InputEntry { path: r.name.clone(), bytes: r.bytes, sha256: r.sha256.clone(), outcome: "register".into() });
        inputs.sort_by(|a, b| a.path.cmp(&b.path));
    }
    Ok(Manifest {
        tonghop_version: TONGHOP.into(),
        calamine_version: CALAMINE.into(),
        polars_version: POLARS.into(),
        rust_xlsxwriter_version: RUST_XLSXWRITER.into(),
        plan_id: cfg.plan.id.clone(),
        plan_file: cfg.plan_label.clone(),
        plan_sha256: sha256(&plan_bytes),
        year: cfg.year,
        inputs_dir: cfg.inputs_dir.display().to_string(),
        as_of: cfg.as_of.to_string(),
        as_of_given: cfg.as_of_given,
        command: cfg.command_line.clone(),
        inputs,
        outputs: outputs.iter().map(|o| OutputEntry { path: o.name.clone(), sha256: o.sha256.clone() }).collect(),
    })
}

/// The manifest as the bytes written to `manifest.json`.
pub fn to_bytes(m: &Manifest) -> Vec<u8> {
    let mut json = serde_json::to_vec_pretty(m).unwrap_or_default();
    json.push(b'\n');
    json
}
