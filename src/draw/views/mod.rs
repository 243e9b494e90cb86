//! View-models of the pictures: all geometry computed here from the data, printed by the
//! templates in `templates/svg/`. Every picture carries a title and a description for assistive
//! technology, and each page shows the same facts as a table beside it.

pub mod charts;
pub mod map;
pub mod network;
pub mod timeline;

/// A shape or label in a picture. Links (`href`) are paths within the atlas; `title` is the
/// tooltip and accessible name.
#[derive(Debug, Clone, Default)]
pub struct Rect {
    pub x: String,
    pub y: String,
    pub w: String,
    pub h: String,
    pub class: &'static str,
    pub href: Option<String>,
    pub title: String,
}

#[derive(Debug, Clone, Default)]
pub struct Text {
    pub x: String,
    pub y: String,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    pub class: &'static str,
    pub content: String,
}

#[derive(Debug, Clone, Default)]
pub struct Line {
    pub x1: String,
    pub y1: String,
    pub x2: String,
    pub y2: String,
    pub class: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct Circle {
    pub cx: String,
    pub cy: String,
    pub r: String,
    pub class: &'static str,
    pub href: Option<String>,
    pub title: String,
}
