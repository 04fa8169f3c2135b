//! Inks: process colours (DeviceCMYK), the spot inks the pages paint with (Separation colour
//! spaces with a CMYK alternate) and the registration colour `All` of crop marks.

use std::collections::BTreeSet;
use std::sync::Arc;

use pdf_writer::{Chunk, Name, Ref};

use super::num;
use crate::page::{Cmyk, Item, Page, Paint, Spot};

/// A separation colour space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Ink {
    /// The spot ink with this index in the document's list.
    Spot(usize),
    /// `All`: every separation, for crop marks.
    Registration,
}

/// A colour as the content stream sets it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Tone {
    /// DeviceCMYK components, rounded and clamped.
    Process([f32; 4]),
    /// A separation at full tint.
    Ink(Ink),
}

/// A colour's components as written: rounded and clamped to 0–1.
pub(super) fn components(color: Cmyk) -> [f32; 4] {
    [color.c, color.m, color.y, color.k].map(|v| num(v.clamp(0.0, 1.0)))
}

/// The separation colour spaces of a document and their object ids.
#[derive(Debug, Clone)]
pub(super) struct Inks {
    /// The spot inks, in order of first use.
    spots: Vec<Arc<Spot>>,
    /// One object id per spot ink, then one for `All`.
    ids: Vec<Ref>,
}

impl Inks {
    /// Collects the spot inks the pages paint with (by name, in order of first use) and takes
    /// object ids for them and the registration colour from `next`.
    pub(super) fn new(pages: &[Page], next: &mut Ref) -> Self {
        let mut spots: Vec<Arc<Spot>> = Vec::new();
        let mut add = |paint: &Paint| {
            if let Paint::Spot(spot) = paint
                && !spots.iter().any(|s| s.name == spot.name)
            {
                spots.push(spot.clone());
            }
        };
        for item in pages.iter().flat_map(|p| &p.items) {
            match item {
                Item::Text(run) => add(&run.paint),
                Item::Rule(rule) => add(&rule.paint),
                Item::Rect(rect) => {
                    rect.fill.iter().for_each(&mut add);
                    rect.stroke.iter().for_each(|(paint, _)| add(paint));
                }
                Item::Image(_) => {}
            }
        }
        Inks::with_spots(spots, next)
    }

    /// The inks for a list of spots.
    pub(super) fn with_spots(spots: Vec<Arc<Spot>>, next: &mut Ref) -> Self {
        let ids = (0..=spots.len()).map(|_| next.bump()).collect();
        Inks { spots, ids }
    }

    /// How `paint` is set: with its spot ink, or as process CMYK.
    pub(super) fn tone(&self, paint: &Paint) -> Tone {
        match paint {
            Paint::Process(c) => Tone::Process(components(*c)),
            Paint::Spot(spot) => match self.spots.iter().position(|s| s.name == spot.name) {
                Some(i) => Tone::Ink(Ink::Spot(i)),
                None => Tone::Process(components(spot.alternate)),
            },
        }
    }

    /// The name pages give the ink's colour space in their resources.
    pub(super) fn resource(ink: Ink) -> String {
        match ink {
            Ink::Spot(i) => format!("Spot{i}"),
            Ink::Registration => "All".into(),
        }
    }

    /// The object id of the ink's colour space.
    pub(super) fn id(&self, ink: Ink) -> Ref {
        let index = match ink {
            Ink::Spot(i) => i.min(self.spots.len()),
            Ink::Registration => self.spots.len(),
        };
        self.ids[index]
    }

    /// Writes the colour spaces of the inks in `used`.
    pub(super) fn write(&self, chunk: &mut Chunk, used: &BTreeSet<Ink>) {
        for &ink in used {
            let (name, alternate) = match ink {
                Ink::Spot(i) => match self.spots.get(i) {
                    Some(spot) => (spot.name.as_str(), components(spot.alternate)),
                    None => continue,
                },
                Ink::Registration => ("All", [1.0; 4]),
            };
            let mut separation = chunk.color_space(self.id(ink)).separation(Name(name.as_bytes()));
            separation.alternate_color_space().device_cmyk();
            separation.tint_exponential().domain([0.0, 1.0]).c0([0.0; 4]).c1(alternate).n(1.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The masthead red.
    const RED: Cmyk = Cmyk { c: 0.0, m: 0.8, y: 0.8, k: 0.0 };

    #[test]
    fn pdf_spot_inks_are_named_not_matched_by_value() {
        let spot = Arc::new(Spot { name: "PANTONE 485 C".into(), alternate: RED });
        let inks = Inks::with_spots(vec![spot.clone()], &mut Ref::new(5));
        assert_eq!(inks.tone(&Paint::Spot(spot)), Tone::Ink(Ink::Spot(0)));
        // The same values as process colour stay process colour.
        assert_eq!(inks.tone(&Paint::Process(RED)), Tone::Process([0.0, 0.8, 0.8, 0.0]));
        assert_eq!(inks.tone(&Paint::BLACK), Tone::Process([0.0, 0.0, 0.0, 1.0]));
        assert_eq!(inks.id(Ink::Spot(0)), Ref::new(5));
        assert_eq!(inks.id(Ink::Registration), Ref::new(6));
        let mut chunk = Chunk::new();
        inks.write(&mut chunk, &BTreeSet::from([Ink::Spot(0), Ink::Registration]));
        let text = String::from_utf8_lossy(chunk.as_bytes()).into_owned();
        assert!(text.contains("/Separation /PANTONE#20485#20C /DeviceCMYK"), "{text}");
        assert!(text.contains("/C1 [0 0.8 0.8 0]"), "{text}");
        assert!(text.contains("/Separation /All /DeviceCMYK"), "{text}");
    }
}
