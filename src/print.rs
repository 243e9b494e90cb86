//! What a page carries onto paper besides its content: the running margins every printed page
//! has (the atlas's name, the page's absolute address, the date it was retrieved, the page number)
//! and the QR codes of the briefing pack.
//!
//! The margins are CSS `@page` margin boxes. Their text cannot come from an inline style (the CSP
//! allows none), so `base.html` puts it in `data-print-*` attributes on `<html>`; the stylesheet
//! reads them into custom properties with `attr()`, and the page context inherits those from the
//! root element. Without JavaScript (the CSP allows none), the honest date is the day the server
//! made the page, labelled as the day it was retrieved: pages are cached for one day at most.

use std::fmt::Write;

use qrcodegen::{QrCode, QrCodeEcc};

use crate::site::Site;

/// The longest address the bottom margin holds on one line (A4 less 15 mm each side, at 7 pt
/// monospace, beside the page number). A longer one would wrap inside the address, where a copied
/// address breaks; the margin then says where the full address is printed instead.
pub const MARGIN_ADDRESS_MAX: usize = 105;

impl Site {
    /// The address for the running margin of `path`'s printed pages: the page's absolute address,
    /// or, when it is too long for one line, a note saying where it is printed in full. `None`
    /// without an address (a static export without a public URL, a page without a path).
    pub fn print_address(&self, path: &str) -> Option<String> {
        let address = self.address(path)?;
        Some(if address.chars().count() <= MARGIN_ADDRESS_MAX {
            address
        } else {
            self.t("paper-address-long")
        })
    }

    /// "Retrieved 29 November 2026": the day this page was made, for the running margin. `None`
    /// in a static export, whose pages are made once and read on any later day.
    pub fn print_date(&self) -> Option<String> {
        self.live
            .then(|| self.t1("paper-retrieved", "date", crate::handlers::compare::accessed_date()))
    }
}

/// An address in the pieces a printed line may end between: after each comma of a plot list
/// (`?plots=a,b,c`). Each piece is printed unbroken (a line never ends at a slug's hyphen, where a
/// copied address would break).
pub fn address_pieces(address: &str) -> Vec<&str> {
    address.split_inclusive(',').collect()
}

/// `text` as a QR code in SVG: dark modules on a light square with the standard quiet zone of
/// four modules, scaled by the stylesheet. Each row's runs of dark modules are strokes one module
/// thick (`M4 4.5h7m2 0h1…`): half the bytes of a filled square per run, which matters as the
/// modules are too random for brotli to shrink much. Medium error correction (15 %) keeps a printed
/// code readable when creased or smudged. `None` only for text too long for any QR code.
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let full = size + 8;
    let mut d = String::new();
    for y in 0..size {
        // Where the last run of this row ended (None: no run yet in this row).
        let mut end: Option<i32> = None;
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            let _ = match end {
                None => write!(d, "M{} {}.5h{}", start + 4, y + 4, x - start),
                Some(e) => write!(d, "m{} 0h{}", start - e, x - start),
            };
            end = Some(x);
        }
    }
    Some(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" role=\"img\" \
         aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/>\
         <path stroke=\"#000\" d=\"{d}\"/></svg>",
        label
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_code_is_square_with_a_quiet_zone_and_escapes_its_label() {
        let svg = qr_svg("https://atlas.example.org/plots/2022-11-strasbourg", "QR \"code\" <x>").unwrap();
        // 51 characters of a URL at level M need version 4: 33 modules, 41 with the quiet zone.
        assert!(svg.contains("viewBox=\"0 0 41 41\""), "{svg}");
        assert!(svg.contains("aria-label=\"QR &quot;code&quot; &lt;x&gt;\""), "{svg}");
        assert!(!svg.contains("<x>"));
        // The finder pattern's top row starts at the quiet zone's edge: seven dark modules; the
        // same row's other finder pattern ends at the right edge of the code.
        assert!(svg.contains("d=\"M4 4.5h7m"), "{svg}");
        assert!(svg.contains("h7M4 5.5h1m5 0h1"), "{svg}");
    }
}
