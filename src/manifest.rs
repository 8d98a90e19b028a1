//! The manifest: what a run read and wrote, with SHA-256 hashes, so an auditor can check
//! an archived year years later.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::config::RunConfig;
use crate::error::RunError;
use crate::ingest::hex;
use crate::normalise::Normalised;

#[derive(Debug, Serialize)]
pub struct Manifest {
    pub tonghop_version: String,
    pub calamine_version: String,
    pub polars_version: String,
    pub rust_xlsxwriter_version: String,
    pub plan_id: String,
    pub plan_file: String,
    pub plan_sha256: String,
    pub year: i32,
    pub as_of: String,
    /// Whether `as_of` was given or defaulted to the day of the run.
    pub as_of_given: bool,
    pub command: String,
    pub inputs: Vec<InputEntry>,
    pub outputs: Vec<OutputEntry>,
}

#[derive(Debug, Serialize)]
pub struct InputEntry {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    pub outcome: String,
}

#[derive(Debug, Serialize)]
pub struct OutputEntry {
    pub path: String,
    pub sha256: String,
}

fn sha256_file(path: &Path) -> Result<String, RunError> {
    let bytes = std::fs::read(path).map_err(|source| RunError::Write { path: path.to_path_buf(), source })?;
    Ok(hex(&Sha256::digest(&bytes)))
}

/// Writes `manifest.json` beside the outputs and returns its path.
pub fn write(cfg: &RunConfig, norm: &Normalised, outputs: &[PathBuf]) -> Result<PathBuf, RunError> {
    use crate::versions::*;
    let mut out = Vec::new();
    for p in outputs {
        out.push(OutputEntry {
            path: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            sha256: sha256_file(p)?,
        });
    }
    let manifest = Manifest {
        tonghop_version: TONGHOP.into(),
        calamine_version: CALAMINE.into(),
        polars_version: POLARS.into(),
        rust_xlsxwriter_version: RUST_XLSXWRITER.into(),
        plan_id: cfg.plan.id.clone(),
        plan_file: cfg.plan.path.display().to_string(),
        plan_sha256: sha256_file(&cfg.plan.path)?,
        year: cfg.year,
        as_of: cfg.as_of.to_string(),
        as_of_given: cfg.as_of_given,
        command: cfg.command_line.clone(),
        inputs: norm
            .files
            .iter()
            .map(|f| InputEntry { path: f.file.clone(), bytes: f.bytes, sha256: f.sha256.clone(), outcome: f.outcome.as_str().into() })
            .collect(),
        outputs: out,
    };
    let path = cfg.out_dir.join("manifest.json");
    let mut json = serde_json::to_vec_pretty(&manifest).map_err(|e| RunError::Write { path: path.clone(), source: e.into() })?;
    json.push(b'\n');
    crate::report::write_atomic(&path, &json)?;
    Ok(path)
}
