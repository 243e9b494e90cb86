//! Downloads: `/plots.csv` (one row per plot, every Table 1 column and the structured readings,
//! RFC 4180 quoting) and `/api/schema.json` (the JSON Schema of `/api/plots.json`).

use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::fields::{STRUCTURED, TABLE1};
use crate::model::{Dataset, Prose};
use crate::site::Site;
use crate::state::AppState;

/// The JSON Schema of the API, kept in step with the model by a test that validates the API's output.
pub const SCHEMA: &str = include_str!("plots.schema.json");

/// One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The evidence of a paragraph, one line per sentence: `[2] Section, pp. 13–24: "quote" (Soliev 2021)`,
/// where `[2]` is the paragraph's second sentence.
fn evidence_lines(data: &Dataset, prose: &Prose) -> String {
    let mut lines = Vec::new();
    for (i, st) in prose.statements().iter().enumerate() {
        let quotes: Vec<String> = st
            .evidence
            .iter()
            .map(|e| {
                let works: Vec<&str> = e
                    .sources
                    .iter()
                    .filter_map(|k| data.source(k))
                    .map(|s| s.short_name())
                    .collect();
                let works = if works.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", works.join("; "))
                };
                format!("{}: “{}”{works}", data.section_ref(&e.section), e.quote)
            })
            .collect();
        lines.push(format!("[{}] {}", i + 1, quotes.join(" / ")));
    }
    lines.join("\n")
}

/// The whole CSV document, CRLF line ends, header first.
pub fn csv(data: &Dataset, site: &Site) -> String {
    let mut header = vec!["slug", "url", "permalink", "precise_date"];
    header.extend(TABLE1.iter().map(|f| f.id));
    header.extend(STRUCTURED.iter().map(|f| f.id));
    header.extend(["nationalities", "summary", "summary_evidence"]);
    let mut out = header.join(",") + "\r\n";
    for p in &data.plots {
        let mut row = vec![
            p.slug.clone(),
            site.url(&p.path()),
            site.permanent(&p.path()),
            p.precise_date.as_ref().map(|d| d.date.iso()).unwrap_or_default(),
        ];
        row.extend(TABLE1.iter().map(|f| (f.value)(p)));
        row.extend(STRUCTURED.iter().map(|f| (f.value)(p)));
        row.push(
            p.nationalities
                .iter()
                .map(|n| format!("{}: {}", n.nationality, n.count))
                .collect::<Vec<_>>()
                .join("; "),
        );
        row.push(p.summary.text());
        row.push(evidence_lines(data, &p.summary));
        out.push_str(&row.iter().map(|v| field(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

pub async fn plots_csv(State(state): State<Arc<AppState>>) -> Response {
    let filename = format!(
        "attachment; filename=\"iskp-atlas-plots-{}.csv\"",
        state.data.meta.version
    );
    (
        [
            (
                header::CONTENT_TYPE,
                "text/csv; charset=utf-8; header=present".to_string(),
            ),
            (header::CONTENT_DISPOSITION, filename),
        ],
        csv(&state.data, &state.site),
    )
        .into_response()
}

pub async fn schema() -> Response {
    ([(header::CONTENT_TYPE, "application/schema+json")], SCHEMA).into_response()
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
