//! The map's projection: Albers equal-area conic (spherical; Snyder, *Map Projections*, p. 98),
//! with the parameters `data/geo/map.json` was built with, so markers land on the shapes.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Albers {
    /// Central meridian, degrees.
    pub lambda0: f64,
    /// Latitude of origin, degrees.
    pub phi0: f64,
    /// Standard parallels, degrees.
    pub phi1: f64,
    pub phi2: f64,
    /// Screen scale and offsets: X = tx + k·x, Y = ty − k·y.
    pub k: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Albers {
    /// Screen coordinates (SVG units, y down) of a longitude/latitude in degrees.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (phi1, phi2, phi0) = (self.phi1.to_radians(), self.phi2.to_radians(), self.phi0.to_radians());
        let n = (phi1.sin() + phi2.sin()) / 2.0;
        let c = phi1.cos().powi(2) + 2.0 * n * phi1.sin();
        let rho0 = (c - 2.0 * n * phi0.sin()).sqrt() / n;
        let rho = (c - 2.0 * n * lat.to_radians().sin()).sqrt() / n;
        let theta = n * (lon - self.lambda0).to_radians();
        let (x, y) = (rho * theta.sin(), rho0 - rho * theta.cos());
        (self.tx + self.k * x, self.ty - self.k * y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn albers() -> Albers {
        Albers {
            lambda0: 30.0,
            phi0: 45.0,
            phi1: 35.0,
            phi2: 55.0,
            k: 1000.0,
            tx: 500.0,
            ty: 400.0,
        }
    }

    #[test]
    fn the_origin_maps_to_the_offsets() {
        let (x, y) = albers().project(30.0, 45.0);
        assert!((x - 500.0).abs() < 1e-9 && (y - 400.0).abs() < 1e-9);
    }

    #[test]
    fn geography_is_kept() {
        let p = albers();
        let strasbourg = p.project(7.7521, 48.5734);
        let vienna = p.project(16.3731, 48.2085);
        let stockholm = p.project(18.0665, 59.3275);
        let gera = p.project(12.0833, 50.8806);
        let kabul = p.project(69.2075, 34.5553);
        let tehran = p.project(51.3890, 35.6892);
        assert!(strasbourg.0 < vienna.0, "Strasbourg is west of Vienna");
        assert!(stockholm.1 < gera.1, "Stockholm is north of Gera");
        assert!(kabul.0 > tehran.0, "Kabul is east of Tehran");
    }
}
