//! Log lines on stderr, one per event, as text or JSON (`--log-format json`); and the
//! progress bar, drawn only when stderr is a terminal (never under cron).

use crate::cli::LogFormat;
use crate::text::for_terminal;

/// Where events go.
#[derive(Debug, Clone, Copy)]
pub struct Log {
    pub format: LogFormat,
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

impl Level {
    fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }
}

impl Log {
    /// One event: a name, fields, and a sentence for people.
    pub fn event(&self, level: Level, event: &str, fields: &[(&str, String)], message: &str) {
        let ts = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
        match self.format {
            LogFormat::Json => {
                let mut obj = serde_json::Map::new();
                obj.insert("ts".into(), ts.to_string().into());
                obj.insert("level".into(), level.as_str().into());
                obj.insert("event".into(), event.into());
                for (k, v) in fields {
                    obj.insert((*k).into(), v.clone().into());
                }
                obj.insert("message".into(), message.into());
                eprintln!("{}", serde_json::Value::Object(obj));
            }
            LogFormat::Text => {
                let kv: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={}", for_terminal(v, 200))).collect();
                eprintln!("{ts} {:5} {event}: {} [{}]", level.as_str().to_uppercase(), for_terminal(message, 400), kv.join(" "));
            }
        }
    }
}

/// A progress bar of files read, on stderr when it is a terminal; hidden otherwise.
pub fn progress(total: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::with_draw_target(Some(total as u64), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} tệp  {elapsed}") {
        bar.set_style(style);
    }
    bar
}
