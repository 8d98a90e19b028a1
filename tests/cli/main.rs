//! Integration tests: run the real binary on fixture folders and read the outputs back.
//! One test binary with modules, because every extra file under tests/ links Polars again.

mod audit;
mod clerks;
mod env;
mod exits;
mod hostile;
mod messy;
mod official;
mod pipeline;
mod plans;
mod templates;
