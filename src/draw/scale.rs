//! Linear scales and "nice" ticks for charts.

/// Maps a domain interval linearly onto a range interval (either may be decreasing).
#[derive(Debug, Clone, Copy)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
        }
    }

    pub fn at(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return self.r0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// Whole-number ticks from 0 (or `min`) to at least `max`, about `count` of them, on steps of 1, 2, 5 × 10ⁿ.
pub fn ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if max <= min || count == 0 {
        return vec![min];
    }
    let raw = (max - min) / count as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(mag * 10.0)
        .max(1.0);
    let mut out = Vec::new();
    let mut v = (min / step).floor() * step;
    loop {
        out.push(v);
        if v >= max {
            return out;
        }
        v += step;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_map_ends_and_middles() {
        let s = Linear::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!((s.at(0.0), s.at(5.0), s.at(10.0)), (100.0, 50.0, 0.0));
        assert_eq!(Linear::new((3.0, 3.0), (1.0, 2.0)).at(3.0), 1.0);
    }

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(ticks(0.0, 15.0, 5), [0.0, 5.0, 10.0, 15.0]);
        assert_eq!(ticks(0.0, 7.0, 7), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]);
        assert_eq!(ticks(0.0, 32.0, 4), [0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(ticks(10.0, 50.0, 4), [10.0, 20.0, 30.0, 40.0, 50.0]);
    }
}
