//! Drawing code shared by every picture of the atlas: the map projection, linear scales with
//! ticks, and compact number formatting for SVG attributes. Each picture is a view-model built
//! from the data (in `views`) and printed by a template; nothing here writes markup.

pub mod projection;
pub mod scale;
pub mod views;

/// An SVG coordinate with at most one decimal, without a trailing ".0" ("12", "12.5").
pub fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_short() {
        assert_eq!(super::num(12.0), "12");
        assert_eq!(super::num(12.04), "12");
        assert_eq!(super::num(12.25), "12.3");
        assert_eq!(super::num(-0.04), "-0");
    }
}
