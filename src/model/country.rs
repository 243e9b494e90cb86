//! ISO 3166-1 alpha-2 codes the atlas accepts, with the English short name shown to readers.
//!
//! The list covers Europe and the countries the report connects to the plots or to the IS
//! organisation. A code outside it is a data error (most likely a typo), not a new country.

const COUNTRIES: &[(&str, &str)] = &[
    ("AF", "Afghanistan"),
    ("AL", "Albania"),
    ("AM", "Armenia"),
    ("AT", "Austria"),
    ("AZ", "Azerbaijan"),
    ("BA", "Bosnia and Herzegovina"),
    ("BE", "Belgium"),
    ("BG", "Bulgaria"),
    ("BY", "Belarus"),
    ("CH", "Switzerland"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DE", "Germany"),
    ("DK", "Denmark"),
    ("EE", "Estonia"),
    ("ES", "Spain"),
    ("FI", "Finland"),
    ("FR", "France"),
    ("GB", "United Kingdom"),
    ("GE", "Georgia"),
    ("GR", "Greece"),
    ("HR", "Croatia"),
    ("HU", "Hungary"),
    ("IE", "Ireland"),
    ("IN", "India"),
    ("IQ", "Iraq"),
    ("IR", "Iran"),
    ("IS", "Iceland"),
    ("IT", "Italy"),
    ("KG", "Kyrgyzstan"),
    ("KZ", "Kazakhstan"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("LV", "Latvia"),
    ("MD", "Moldova"),
    ("ME", "Montenegro"),
    ("MK", "North Macedonia"),
    ("MT", "Malta"),
    ("MV", "Maldives"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("PK", "Pakistan"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("QA", "Qatar"),
    ("RO", "Romania"),
    ("RS", "Serbia"),
    ("RU", "Russia"),
    ("SE", "Sweden"),
    ("SI", "Slovenia"),
    ("SK", "Slovakia"),
    ("SO", "Somalia"),
    ("SY", "Syria"),
    ("TJ", "Tajikistan"),
    ("TM", "Turkmenistan"),
    ("TR", "Turkey"),
    ("UA", "Ukraine"),
    ("US", "United States"),
    ("UZ", "Uzbekistan"),
    ("XK", "Kosovo"),
];

/// The English name of a known code, or `None` for a code the atlas does not know.
pub fn name(code: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// The name for display, in the current language (`country-DE` in the catalogue). Codes are
/// validated at load; `unknown` (a handler country the report does not give) is the one non-code
/// value that reaches this.
pub fn display(code: &str) -> String {
    let lang = crate::i18n::current();
    if name(code).is_some() {
        lang.t(&format!("country-{code}"))
    } else {
        lang.t("country-unknown")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_unique_upper_case_pairs_of_letters() {
        let mut seen = std::collections::HashSet::new();
        for (code, name) in super::COUNTRIES {
            assert!(
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
                "{code}"
            );
            assert!(!name.is_empty());
            assert!(seen.insert(code), "{code} listed twice");
        }
        assert_eq!(super::name("DE"), Some("Germany"));
        assert_eq!(super::name("de"), None);
    }
}
