//! Inks: process colours (DeviceCMYK), the layout's spot inks (Separation colour spaces with a
//! CMYK alternate) and the registration colour `All` of crop marks.

use std::collections::BTreeSet;

use pdf_writer::{Chunk, Name, Ref};

use super::num;
use crate::flow::{Cmyk, Spot};

/// A separation colour space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Ink {
    /// The spot ink with this index in the metadata's list.
    Spot(usize),
    /// `All`: every separation, for crop marks.
    Registration,
}

/// A colour as the content stream sets it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Paint {
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
pub(super) struct Inks<'a> {
    /// The spot inks.
    spots: &'a [Spot],
    /// One object id per spot ink, then one for `All`.
    ids: Vec<Ref>,
}

impl<'a> Inks<'a> {
    /// Takes object ids for the spot inks and the registration colour from `next`.
    pub(super) fn new(spots: &'a [Spot], next: &mut Ref) -> Self {
        Inks { spots, ids: (0..=spots.len()).map(|_| next.bump()).collect() }
    }

    /// How `color` is painted: with the first spot ink whose alternate it equals, else as
    /// process CMYK.
    pub(super) fn paint(&self, color: Cmyk) -> Paint {
        let c = components(color);
        match self.spots.iter().position(|s| components(s.alternate) == c) {
            Some(i) => Paint::Ink(Ink::Spot(i)),
            None => Paint::Process(c),
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
    fn pdf_spot_inks_replace_their_alternate() {
        let spots = [Spot { name: "PANTONE 485 C".into(), alternate: RED }];
        let inks = Inks::new(&spots, &mut Ref::new(5));
        assert_eq!(inks.paint(RED), Paint::Ink(Ink::Spot(0)));
        assert_eq!(inks.paint(Cmyk::BLACK), Paint::Process([0.0, 0.0, 0.0, 1.0]));
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
