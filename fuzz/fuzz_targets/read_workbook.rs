//! Reading a workbook from bytes, as ingest does for every file a run finds: the format is
//! picked from the first bytes, whatever the extension (the first input byte picks one).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = ["a.xlsx", "a.xls", "a.ods", "a.xlsb", "a.xlsm"][pick as usize % 5];
    let _ = tonghop::ingest::read_bytes(name, bytes);
});
