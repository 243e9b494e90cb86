//! Text folding for sorting and search: lower case without diacritics, so "Köln", "KÖLN" and
//! "Koeln" compare equal and "Şenyurt" sorts with S. German umlauts and ß fold to their
//! transliterations (ä → ae, ö → oe, ü → ue, ß → ss), as German readers type them without a German
//! keyboard; search also accepts the plain vowel ("Koln", see `explore::search`). [`fold_mapped`] also keeps, for every byte of
//! the folded text, the byte of the original it came from, so matches can be highlighted in place.

/// The folded form of one character (most stay one character; "ß" becomes "ss", "ä" "ae").
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let two = match c {
        'ä' | 'Ä' => Some("ae"),
        'ö' | 'Ö' => Some("oe"),
        'ü' | 'Ü' => Some("ue"),
        'ß' | 'ẞ' => Some("ss"),
        _ => None,
    };
    if let Some(two) = two {
        out.push_str(two);
        return;
    }
    let base = match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'Ç' | 'ć' | 'č' | 'Č' => 'c',
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' | 'ı' | 'İ' => 'i',
        'ñ' | 'Ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'Ø' | 'ō' | 'ő' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ş' | 'Ş' | 'š' | 'Š' | 'ś' => 's',
        'ž' | 'Ž' | 'ź' | 'ż' => 'z',
        'ğ' | 'Ğ' => 'g',
        'ł' | 'Ł' => 'l',
        // Typographic apostrophes and dashes fold to their plain forms.
        '\u{2019}' | '\u{2018}' => '\'',
        '\u{2013}' | '\u{2014}' => '-',
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

/// Lower case, diacritics removed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The folded text, and for each of its bytes the byte offset in `s` of the character it came from.
pub fn fold_mapped(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let before = out.len();
        fold_char(c, &mut out);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(
            fold("Köln KÖLN Şenyurt Straße Évry"),
            "koeln koeln senyurt strasse evry"
        );
        assert_eq!(fold("München Bärte Ünal"), "muenchen baerte uenal");
        assert_eq!(fold("St. Stephen\u{2019}s"), "st. stephen's");
    }

    #[test]
    fn the_map_points_back_into_the_original() {
        let s = "Kö ß!";
        let (folded, map) = fold_mapped(s);
        assert_eq!(folded, "koe ss!");
        assert_eq!(map.len(), folded.len());
        // "oe" came from "ö" (byte 1), both "s" from "ß" (byte 4).
        assert_eq!((map[1], map[2], map[4], map[5]), (1, 1, 4, 4));
        assert_eq!(&s[map[6]..], "!");
    }
}
