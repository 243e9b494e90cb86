//! `/cite/{slug}.bib|.ris|.json` and `/cite/report.bib|.ris|.json`: citations of a plot page (as a
//! web page of the atlas, with the dataset version and today's access date) or of the report.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate};
use serde_json::json;

use crate::error::AppError;
use crate::model::source::Report;
use crate::state::AppState;

/// What is cited, in the fields every format needs.
struct Work<'a> {
    id: String,
    title: String,
    url: String,
    note: String,
    /// The language the work is written in (BCP 47): the edition's for a page, English for the report.
    language: &'static str,
    kind: WorkKind<'a>,
}

enum WorkKind<'a> {
    /// A page of the atlas.
    Page {
        version: &'a str,
    },
    Report(&'a Report),
}

/// BibTeX-safe text: braces balanced, specials escaped.
fn bib(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// RIS values are one line each.
fn ris(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

fn bibtex(w: &Work<'_>, accessed: NaiveDate) -> String {
    match &w.kind {
        WorkKind::Page { version } => format!(
            "@misc{{{id},\n  author = {{{{ISKP Plots Atlas}}}},\n  title = {{{title}}},\n  howpublished = {{\\url{{{url}}}}},\n  url = {{{url}}},\n  version = {{{version}}},\n  urldate = {{{date}}},\n  langid = {{{langid}}},\n  note = {{{note}}}\n}}\n",
            id = w.id,
            title = bib(&w.title),
            url = w.url,
            version = bib(version),
            date = accessed.format("%Y-%m-%d"),
            langid = crate::i18n::language(w.language).map_or_else(|| "english".into(), |l| l.t("language-bibtex")),
            note = bib(&w.note),
        ),
        WorkKind::Report(r) => format!(
            "@techreport{{{id},\n  author = {{{author}}},\n  title = {{{title}}},\n  institution = {{{publisher}}},\n  address = {{{place}}},\n  year = {{{year}}},\n  type = {{DIIS Report}},\n  number = {{2025:09}},\n  isbn = {{{isbn}}},\n  url = {{{url}}}\n}}\n",
            id = w.id,
            author = bib(&r.author_short),
            title = bib(&w.title),
            publisher = bib(&r.publisher),
            place = bib(&r.place),
            year = r.year,
            isbn = r.isbn_pdf,
            url = w.url,
        ),
    }
}

fn ris_record(w: &Work<'_>, accessed: NaiveDate) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut tag = |t: &str, v: &str| lines.push(format!("{t}  - {}", ris(v)));
    match &w.kind {
        WorkKind::Page { version } => {
            tag("TY", "ELEC");
            tag("AU", "ISKP Plots Atlas");
            tag("TI", &w.title);
            tag("UR", &w.url);
            tag("ET", version);
            tag("Y2", &accessed.format("%Y/%m/%d").to_string());
            tag("N1", &w.note);
            tag("LA", w.language);
        }
        WorkKind::Report(r) => {
            tag("TY", "RPRT");
            tag("AU", &r.author_short);
            tag("TI", &w.title);
            tag("PY", &r.year.to_string());
            tag("PB", &r.publisher);
            tag("CY", &r.place);
            tag("T3", &r.series);
            tag("SN", &r.isbn_pdf);
            tag("UR", &w.url);
        }
    }
    tag("ER", "");
    lines.join("\r\n") + "\r\n"
}

fn csl(w: &Work<'_>, accessed: NaiveDate) -> serde_json::Value {
    let day = |d: NaiveDate| json!({ "date-parts": [[d.year(), d.month(), d.day()]] });
    match &w.kind {
        WorkKind::Page { version } => json!([{
            "id": w.id,
            "type": "webpage",
            "title": w.title,
            "author": [{ "literal": "ISKP Plots Atlas" }],
            "URL": w.url,
            "version": version,
            "accessed": day(accessed),
            "language": w.language,
            "note": w.note,
        }]),
        WorkKind::Report(r) => json!([{
            "id": w.id,
            "type": "report",
            "title": w.title,
            "author": [{ "family": "Krause", "given": "Dino" }],
            "issued": { "date-parts": [[r.year]] },
            "publisher": r.publisher,
            "publisher-place": r.place,
            "collection-title": "DIIS Report",
            "number": "2025:09",
            "ISBN": r.isbn_pdf,
            "URL": w.url,
        }]),
    }
}

pub async fn cite(State(state): State<Arc<AppState>>, Path(file): Path<String>) -> Result<Response, AppError> {
    let (name, ext) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let data = &state.data;
    let work = if name == "report" {
        let r = &data.meta.report;
        Work {
            id: "krause2025iskp".into(),
            title: r.full_title(),
            url: r.url.clone(),
            note: r.series.clone(),
            language: "en",
            kind: WorkKind::Report(r),
        }
    } else {
        let plot = data.plot(name).ok_or(AppError::NotFound)?;
        Work {
            id: format!("iskp-atlas-{}", plot.slug),
            title: state.site.t1("cite-plot-title", "plot", plot.title()),
            url: state.site.permanent(&plot.path()),
            note: format!(
                "{}{}. {} {}",
                state.site.t1("footer-version", "version", data.meta.version.as_str()),
                state.pinned(&plot.path()).map_or_else(String::new, |url| format!(
                    ", {}",
                    state.site.t1("cite-kept-at", "url", url)
                )),
                state.site.t("cite-based-on"),
                data.meta.report.citation()
            ),
            language: state.site.lang.code,
            kind: WorkKind::Page {
                version: &data.meta.version,
            },
        }
    };
    let today = crate::site::today();
    let (content_type, body) = match ext {
        "bib" => ("application/x-bibtex; charset=utf-8", bibtex(&work, today)),
        "ris" => (
            "application/x-research-info-systems; charset=utf-8",
            ris_record(&work, today),
        ),
        "json" => (
            "application/vnd.citationstyles.csl+json; charset=utf-8",
            csl(&work, today).to_string(),
        ),
        _ => return Err(AppError::NotFound),
    };
    let disposition = format!("attachment; filename=\"{name}.{ext}\"");
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::bib;

    #[test]
    fn bibtex_specials_are_escaped() {
        assert_eq!(bib("50% & {x} #1 a_b $"), "50\\% \\& \\{x\\} \\#1 a\\_b \\$");
        assert_eq!(bib("back\\slash"), "back\\textbackslash{}slash");
    }
}
