//! Normalising cell text: folding, legacy encodings, statuses, budgets, dates, header
//! names, and task references against a plan.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tonghop::ingest::{header, Cell};
use tonghop::normalise::{matching, values};

fn plan() -> &'static tonghop::plan::Plan {
    static PLAN: OnceLock<tonghop::plan::Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        let text = include_str!("../../inputs/plans/bac-giang.toml");
        tonghop::plan::check_text(text, std::path::Path::new("bac-giang.toml")).plan.expect("the shipped plan is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = tonghop::text::fold(&text);
    let _ = tonghop::text::tidy(&text);
    let _ = tonghop::text::legacy::to_unicode(&text);
    let _ = values::status(&text);
    let _ = values::role(&text);
    let _ = values::vn_number(&text);
    let cell = Cell::Text(text.to_string());
    let _ = values::budget(&cell, values::Unit::from_header(&text));
    let _ = values::date(&cell);
    let _ = header::classify(&text);
    let _ = matching::task(plan(), &text);
    let _ = matching::AgencyIndex::new(plan()).name(&text);
});
