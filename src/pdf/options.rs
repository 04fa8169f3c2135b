//! How a PDF is written: the standard it conforms to, bleed and crop marks.

use std::fmt;

use super::icc::OutputProfile;
use crate::units::mm;

/// The ISO standard a PDF is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub enum Standard {
    /// PDF/X-4 (ISO 15930-7), for the print shop: the default.
    #[default]
    PdfX4,
    /// PDF/A-2b (ISO 19005-2, basic conformance), for the archive.
    PdfA2b,
    /// PDF/A-1b (ISO 19005-1, basic conformance), for archives that take only part 1.
    PdfA1b,
    /// PDF/X-1a:2003 (ISO 15930-4), for older RIPs: CMYK and spot colour only, no
    /// transparency, PDF 1.4.
    PdfX1a,
    /// PDF/A-2u (ISO 19005-2, Unicode conformance): PDF/A-2b with every glyph mapped to text.
    PdfA2u,
}

impl Standard {
    /// Every standard, in the order the command line lists them.
    pub const ALL: [Standard; 5] =
        [Standard::PdfX4, Standard::PdfX1a, Standard::PdfA1b, Standard::PdfA2b, Standard::PdfA2u];

    /// The name the command line uses: `pdfx-4`, `pdfx-1a`, `pdfa-1b`, `pdfa-2b`, `pdfa-2u`.
    pub fn name(self) -> &'static str {
        match self {
            Standard::PdfX4 => "pdfx-4",
            Standard::PdfA2b => "pdfa-2b",
            Standard::PdfA1b => "pdfa-1b",
            Standard::PdfX1a => "pdfx-1a",
            Standard::PdfA2u => "pdfa-2u",
        }
    }

    /// The standard with this command-line name.
    pub fn from_name(name: &str) -> Option<Standard> {
        Standard::ALL.into_iter().find(|s| s.name().eq_ignore_ascii_case(name))
    }

    /// The PDF version written in the header: the highest the standard allows, at most 1.6.
    pub fn version(self) -> (u8, u8) {
        match self {
            Standard::PdfX4 | Standard::PdfA2b | Standard::PdfA2u => (1, 6),
            Standard::PdfA1b | Standard::PdfX1a => (1, 4),
        }
    }

    /// The PDF/A part and conformance level, for PDF/A standards.
    pub fn pdfa(self) -> Option<(u8, &'static str)> {
        match self {
            Standard::PdfX4 | Standard::PdfX1a => None,
            Standard::PdfA2b => Some((2, "B")),
            Standard::PdfA2u => Some((2, "U")),
            Standard::PdfA1b => Some((1, "B")),
        }
    }

    /// The `GTS_PDFXVersion` value, for PDF/X standards.
    pub fn pdfx(self) -> Option<&'static str> {
        match self {
            Standard::PdfX4 => Some("PDF/X-4"),
            Standard::PdfX1a => Some("PDF/X-1a:2003"),
            Standard::PdfA2b | Standard::PdfA2u | Standard::PdfA1b => None,
        }
    }

    /// Whether the standard is based on PDF 1.4, which takes only ICC version 2 profiles and
    /// no transparency.
    pub fn pdf_1_4(self) -> bool {
        self.version() == (1, 4)
    }
}

impl fmt::Display for Standard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything about the output that is not in the pages or the metadata.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Options {
    /// The standard to conform to.
    pub standard: Standard,
    /// The CMYK output profile of the output intent (the bundled FOGRA39 one by default).
    pub intent: OutputProfile,
    /// Bleed around the trimmed page, points; 0 for none.
    pub bleed: f64,
    /// Whether to draw crop marks outside the bleed.
    pub marks: bool,
}

/// The largest bleed accepted, points (20 mm).
pub const MAX_BLEED: f64 = mm(20.0);

/// Parses a length such as `3mm`, `3 mm`, `0.3cm`, `8.5pt` or `0` (a bare number is in
/// millimetres) into points, between 0 and [`MAX_BLEED`].
pub fn parse_bleed(text: &str) -> Result<f64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = (&t[..split], t[split..].trim());
    let value: f64 = number.parse().map_err(|_| format!("`{text}` is not a length such as 3mm"))?;
    let scale = match unit.to_ascii_lowercase().as_str() {
        "" | "mm" => mm(1.0),
        "cm" => mm(10.0),
        "pt" => 1.0,
        "in" => 72.0,
        other => return Err(format!("unknown unit `{other}` in `{text}` (use mm, cm, pt or in)")),
    };
    let points = value * scale;
    if !(0.0..=MAX_BLEED + 1e-9).contains(&points) {
        return Err(format!("a bleed of `{text}` is more than 20 mm"));
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_standard_names_round_trip() {
        for s in Standard::ALL {
            assert_eq!(Standard::from_name(s.name()), Some(s));
        }
        assert_eq!(Standard::from_name("PDFA-1B"), Some(Standard::PdfA1b));
        assert_eq!(Standard::from_name("pdfx-1a"), Some(Standard::PdfX1a));
        assert_eq!(Standard::from_name("pdfx-3"), None);
        assert_eq!(Standard::default(), Standard::PdfX4);
    }

    #[test]
    fn pdf_bleed_lengths() {
        for (text, want) in [("3mm", mm(3.0)), ("3 mm", mm(3.0)), ("0.5cm", mm(5.0)), ("9pt", 9.0), ("0", 0.0)] {
            let got = parse_bleed(text).unwrap_or(-1.0);
            assert!((got - want).abs() < 1e-9, "{text}: {got}");
        }
        for bad in ["", "mm", "3furlongs", "-3mm", "25mm", "1in"] {
            assert!(parse_bleed(bad).is_err(), "{bad}");
        }
    }
}
