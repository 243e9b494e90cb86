//! Reader polish (issue 14): what a careful reader noticed on the pages, in both editions.

use crate::helpers::*;

#[tokio::test]
async fn the_key_figures_list_their_countries_in_the_pages_language() {
    let app = atlas();
    for (path, and, other) in [("/", " and ", " und "), ("/de/", " und ", " and ")] {
        let doc = get(&app, path).await.html();
        let note = one_text(&doc, ".figures-section .note");
        // "…: Germany, France, Austria, Sweden and Belgium." — five countries, the last two joined
        // by the edition's own word.
        let list = note
            .split(": ")
            .last()
            .and_then(|l| l.split('.').next())
            .unwrap_or_default();
        assert_eq!(list.matches(", ").count(), 3, "{path}: {note}");
        assert!(list.contains(and), "{path}: {note}");
        assert!(!list.contains(other), "{path}: {note}");
    }
}
