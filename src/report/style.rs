//! Every format of the consolidated workbook, in one place: Times New Roman, as
//! Vietnamese administrative documents use, thin borders, wrapped text.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

pub const FONT: &str = "Times New Roman";

pub struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub label: Format,
    pub header: Format,
    pub text: Format,
    pub center: Format,
    pub number: Format,
    pub integer: Format,
    pub percent: Format,
    pub date: Format,
    pub group: Format,
    pub total: Format,
    pub total_number: Format,
    pub ok: Format,
    pub bad: Format,
    pub warn: Format,
    pub muted: Format,
    pub small: Format,
    /// Where a row came from, or a hash: small, in a bordered cell.
    pub source: Format,
    /// A note under a table.
    pub note: Format,
}

pub const GREEN: u32 = 0xC6EFCE;
pub const RED: u32 = 0xFFC7CE;
pub const YELLOW: u32 = 0xFFEB9C;
pub const GREY: u32 = 0xEDEDED;
pub const BLUE: u32 = 0xDDEBF7;

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(12)
}

fn cell() -> Format {
    base().set_border(FormatBorder::Thin).set_align(FormatAlign::Top).set_text_wrap()
}

impl Styles {
    /// Every format, in a fixed order: the order they are numbered in the workbook.
    pub fn all(&self) -> [&Format; 20] {
        [
            &self.title,
            &self.subtitle,
            &self.label,
            &self.header,
            &self.text,
            &self.center,
            &self.number,
            &self.integer,
            &self.percent,
            &self.date,
            &self.group,
            &self.total,
            &self.total_number,
            &self.ok,
            &self.bad,
            &self.warn,
            &self.muted,
            &self.small,
            &self.source,
            &self.note,
        ]
    }

    pub fn new() -> Styles {
        Styles {
            title: base()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            subtitle: base().set_italic().set_align(FormatAlign::Center).set_text_wrap(),
            label: base().set_bold(),
            header: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(BLUE)),
            text: cell(),
            center: cell().set_align(FormatAlign::Center),
            number: cell().set_num_format("#,##0.0##"),
            integer: cell().set_num_format("#,##0").set_align(FormatAlign::Center),
            percent: cell().set_num_format("0.0%"),
            date: cell().set_num_format("dd/mm/yyyy").set_align(FormatAlign::Center),
            group: cell().set_bold().set_background_color(Color::RGB(GREY)),
            total: cell().set_bold(),
            total_number: cell().set_bold().set_num_format("#,##0.0##"),
            ok: cell().set_align(FormatAlign::Center).set_background_color(Color::RGB(GREEN)),
            bad: cell().set_align(FormatAlign::Center).set_background_color(Color::RGB(RED)),
            warn: cell().set_align(FormatAlign::Center).set_background_color(Color::RGB(YELLOW)),
            muted: cell().set_align(FormatAlign::Center).set_font_color(Color::RGB(0x808080)),
            small: base().set_font_size(10).set_italic(),
            source: cell().set_font_size(9),
            note: base().set_font_size(11).set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}
