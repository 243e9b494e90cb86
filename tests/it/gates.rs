//! Issue 14 (helper `gates`): what the WCAG 2.2 / Lighthouse work changed, as a reader or a
//! crawler sees it.

use crate::helpers::{atlas, get};

/// Lighthouse (and any crawler running in the page) fetches `/robots.txt` from the page's own
/// origin; the policy must allow exactly that and nothing more.
#[tokio::test]
async fn the_policy_lets_a_page_fetch_its_own_origin_and_nothing_else() {
    let app = atlas();
    for path in ["/", "/de/", "/map", "/robots.txt", "/missing"] {
        let page = get(&app, path).await;
        let csp = page.header("content-security-policy");
        let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
        assert!(directives.contains(&"connect-src 'self'"), "{path}: {csp}");
        assert!(directives.contains(&"default-src 'none'"), "{path}: {csp}");
        assert!(
            !directives.iter().any(|d| d.starts_with("script-src")),
            "{path}: no script allowed: {csp}"
        );
        assert!(
            !csp.contains('*') && !csp.contains("http"),
            "{path}: no other host: {csp}"
        );
    }
    let robots = get(&app, "/robots.txt").await;
    assert_eq!(robots.status, 200);
    assert!(robots.body.contains("Sitemap:"), "{}", robots.body);
}
