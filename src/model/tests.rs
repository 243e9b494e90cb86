//! Loading and validation, each rule broken once in a copy of the real data.

use serde_json::{Value, json};

use super::*;

const PLOTS: &str = include_str!("../../data/plots.json");

/// A minimal plot for unit tests of derived figures: valid in shape, not necessarily in content.
pub(crate) fn fixture_plot(slug: &str, countries: &[&str], cell_size: u32) -> Plot {
    let mut v: Value = serde_json::from_str::<Value>(PLOTS).expect("plots.json parses")["plots"][0].clone();
    v["slug"] = json!(slug);
    v["date"] = json!(&slug[..7]);
    v["countries"] = json!(countries);
    v["cell_size"] = json!(cell_size);
    v["nationalities"] = json!([{"nationality": "Tajik", "count": cell_size}]);
    v["ages"] = json!([]);
    serde_json::from_value(v).expect("fixture plot deserialises")
}

/// Loads the real data after `edit` has changed one file's JSON.
fn load_with(file: &str, edit: impl FnOnce(&mut Value)) -> Result<Dataset, DataErrors> {
    let mut files = DataFiles::embedded();
    let slot = files.file_mut(file).expect("known file");
    let mut v: Value = serde_json::from_str(&slot.1).expect("parses");
    edit(&mut v);
    slot.1 = v.to_string();
    Dataset::from_files(files)
}

fn plot_mut<'a>(v: &'a mut Value, slug: &str) -> &'a mut Value {
    v["plots"]
        .as_array_mut()
        .expect("plots list")
        .iter_mut()
        .find(|p| p["slug"] == slug)
        .expect("plot exists")
}

/// Asserts that loading fails with an error naming `file`, `item` and `field`, whose message contains `words`.
fn assert_rejected(result: Result<Dataset, DataErrors>, file: &str, item: Option<&str>, field: &str, words: &str) {
    let errors = match result {
        Ok(_) => panic!("the broken data was accepted"),
        Err(e) => e,
    };
    let found = errors
        .0
        .iter()
        .any(|e| e.file == file && e.item.as_deref() == item && e.field == field && e.message.contains(words));
    assert!(found, "no error {file} / {item:?} / {field} / '{words}' in:\n{errors}");
    // The message a data editor sees names all three.
    let shown = errors.to_string();
    assert!(shown.contains(file) && shown.contains(field), "{shown}");
}

const STRAS: &str = "2022-11-strasbourg";
const STRAS_ITEM: Option<&str> = Some("plot \"2022-11-strasbourg\"");

#[test]
fn the_embedded_dataset_is_valid_and_complete() {
    let ds = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.plots.len(), 7);
    assert_eq!(ds.sources.len(), 83);
    let slugs: Vec<&str> = ds.plots.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "2020-04-north-rhine-westphalia",
            "2022-09-iserlohn-bremerhaven",
            "2022-11-strasbourg",
            "2023-07-cologne-berlin",
            "2023-12-cologne-vienna",
            "2024-03-gera-stockholm",
            "2024-07-belgium-germany",
        ]
    );
    assert_eq!(
        ds.neighbours(STRAS).0.map(|p| p.slug.as_str()),
        Some("2022-09-iserlohn-bremerhaven")
    );
    assert_eq!(ds.neighbours("2024-07-belgium-germany").1.map(|p| &p.slug), None);
}

#[test]
fn the_data_directory_loads_like_the_embedded_copy() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let ds = Dataset::from_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.plots.len(), Dataset::embedded().expect("valid").plots.len());
}

#[test]
fn a_missing_file_is_named() {
    let dir = std::env::temp_dir().join(format!("atlas-missing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let err = Dataset::from_dir(&dir).expect_err("empty dir is not a dataset");
    assert!(err.to_string().contains("plots.json"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn duplicate_slugs_are_rejected() {
    let r = load_with("plots.json", |v| {
        let copy = plot_mut(v, STRAS).clone();
        v["plots"].as_array_mut().expect("list").push(copy);
    });
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "slug", "used by another plot");
}

#[test]
fn nationality_counts_must_add_up_to_the_cell_size() {
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["nationalities"][0]["count"] = json!(2)
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "nationalities",
        "add up to 3, but `cell_size` is 2",
    );
}

#[test]
fn cell_size_must_match_table_1s_cell() {
    let r = load_with("plots.json", |v| plot_mut(v, STRAS)["cell_size"] = json!(3));
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "table1.cell_size", "does not match");
}

#[test]
fn implausible_ages_are_rejected() {
    let r = load_with("plots.json", |v| plot_mut(v, STRAS)["ages"] = json!([19, 220]));
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "ages[1]", "not a plausible age");
    let r = load_with("plots.json", |v| plot_mut(v, STRAS)["ages"] = json!([19, 22, 23]));
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "ages", "3 ages for a cell of 2");
}

#[test]
fn unknown_ages_need_a_note() {
    let r = load_with("plots.json", |v| {
        let p = plot_mut(v, STRAS);
        p["ages"] = json!([19]);
        p["ages_note"] = Value::Null;
    });
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "ages_note", "1 ages are unknown");
}

#[test]
fn every_source_key_must_resolve() {
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["sources"][0] = json!("nobody-1999")
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "sources[0]",
        "'nobody-1999' is not a key",
    );
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["events"][1]["label"][0]["evidence"][0]["sources"] = json!(["nobody-1999"])
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "events[1].label[0].evidence[0].sources[0]",
        "not a key",
    );
    let r = load_with("dataset.json", |v| {
        let intro = v["sections"]
            .as_array_mut()
            .and_then(|l| l.iter_mut().find(|s| s["id"] == "introduction"))
            .expect("introduction");
        intro["sources"][0] = json!("nobody-1999");
    });
    assert_rejected(
        r,
        "data/dataset.json",
        Some("section \"introduction\""),
        "sources[0]",
        "not a key",
    );
}

#[test]
fn related_plots_and_sections_must_resolve() {
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["related"][0]["slug"] = json!("2099-01-nowhere")
    });
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "related[0].slug", "not a plot slug");
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["related"][0]["slug"] = json!(STRAS)
    });
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "related[0].slug", "itself");
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["report_sections"][0] = json!("chapter-99")
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "report_sections[0]",
        "not a section id",
    );
}

#[test]
fn country_codes_must_be_known() {
    let r = load_with("plots.json", |v| plot_mut(v, STRAS)["countries"] = json!(["FX"]));
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "countries[0]",
        "'FX' is not a known ISO code",
    );
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["international_connection"]["handlers"][0]["country"] = json!("Afghanistan")
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "international_connection.handlers[0].country",
        "neither",
    );
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["locations"][0]["country"] = json!("DE")
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "locations[0].country",
        "not one of the plot's countries",
    );
}

#[test]
fn dates_must_be_sane() {
    let r = load_with("plots.json", |v| plot_mut(v, STRAS)["date"] = json!("2022-13"));
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "date", "not a date");
    let r = load_with("plots.json", |v| {
        let p = plot_mut(v, STRAS);
        p["date"] = json!("2019-11");
        p["table1"]["date"] = json!("11/2019");
    });
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "date", "outside the report's period");
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["table1"]["date"] = json!("12/2022")
    });
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "table1.date", "does not match");
    let r = load_with("plots.json", |v| {
        plot_mut(v, "2024-07-belgium-germany")["precise_date"]["date"] = json!("2024-08-02")
    });
    assert_rejected(
        r,
        "data/plots.json",
        Some("plot \"2024-07-belgium-germany\""),
        "precise_date.date",
        "not within the plot's month",
    );
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["events"][0]["date"] = json!("2031-01")
    });
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "events[0].date", "review date");
    let r = load_with("sources.json", |v| v["sources"][0]["accessed"] = json!("2099-01-01"));
    assert_rejected(
        r,
        "data/sources.json",
        Some("source \"amarasingam-2020\""),
        "accessed",
        "review date",
    );
}

#[test]
fn unknown_fields_and_wrong_types_name_their_path() {
    let r = load_with("plots.json", |v| plot_mut(v, STRAS)["suspect_names"] = json!(["x"]));
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "suspect_names",
        "unknown field `suspect_names`",
    );
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["nationalities"][1]["count"] = json!("one")
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "nationalities[1].count",
        "invalid type",
    );
    let r = load_with("plots.json", |v| {
        plot_mut(v, STRAS)["targets"][0]["category"] = json!("shopping")
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "targets[0].category",
        "unknown variant",
    );
}

#[test]
fn source_keys_must_be_unique_and_urls_http() {
    let r = load_with("sources.json", |v| {
        let copy = v["sources"][0].clone();
        v["sources"].as_array_mut().expect("list").push(copy);
    });
    assert_rejected(
        r,
        "data/sources.json",
        Some("source \"amarasingam-2020\""),
        "key",
        "used by another",
    );
    let r = load_with("sources.json", |v| {
        v["sources"][0]["url"] = json!("javascript:alert(1)")
    });
    assert_rejected(
        r,
        "data/sources.json",
        Some("source \"amarasingam-2020\""),
        "url",
        "not an http(s) URL",
    );
}

#[test]
fn metadata_must_be_consistent() {
    let r = load_with("dataset.json", |v| v["version"] = json!("2.0.0"));
    assert_rejected(
        r,
        "data/dataset.json",
        None,
        "changelog[0].version",
        "newest entry is 1.2.0",
    );
    let r = load_with("dataset.json", |v| v["version"] = json!("one"));
    assert_rejected(r, "data/dataset.json", None, "version", "MAJOR.MINOR.PATCH");
}

#[test]
fn summaries_of_implausible_length_are_rejected() {
    let r = load_with(
        "plots.json",
        |v| {
            plot_mut(v, STRAS)["summary"] =
                json!([{"text": "Too short.", "evidence": [{"section": "table-1", "quote": "Strasbourg"}]}])
        },
    );
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "summary", "has 2 words");
}

#[test]
fn malformed_json_names_the_file() {
    let mut files = DataFiles::embedded();
    files.plots.1 = "{\"plots\": [".into();
    let err = Dataset::from_files(files).expect_err("truncated JSON");
    assert!(
        err.to_string().contains("data/plots.json: field `-`: not valid JSON"),
        "{err}"
    );
}

#[test]
fn organisation_and_analysis_references_must_resolve() {
    let r = load_with("offices.json", |v| {
        v["nodes"][5]["plots"][0]["slug"] = json!("2099-01-nowhere")
    });
    assert_rejected(
        r,
        "data/offices.json",
        Some("node \"iskp\""),
        "plots[0].slug",
        "not a plot slug",
    );
    let r = load_with("offices.json", |v| v["nodes"][2]["parent"] = json!("iskp"));
    assert_rejected(
        r,
        "data/offices.json",
        Some("node \"al-siddiq-office\""),
        "parent",
        "before its children",
    );
    let r = load_with("offices.json", |v| {
        let first = v["nodes"][1]["facts"][0]["label"].clone();
        v["nodes"][1]["facts"][1]["label"] = first;
    });
    assert_rejected(
        r,
        "data/offices.json",
        Some("node \"gdp\""),
        "facts[1].label",
        "labels another fact",
    );
    let r = load_with("analysis.json", |v| v["report_figures"][2]["nationality"] = Value::Null);
    assert_rejected(
        r,
        "data/analysis.json",
        Some("report figure \"tajik-plots\""),
        "nationality",
        "required",
    );
    let r = load_with("analysis.json", |v| {
        v["policy"][0]["summary"][0]["evidence"][0]["sources"] = json!(["nobody-1999"])
    });
    assert_rejected(
        r,
        "data/analysis.json",
        Some("policy \"intelligence\""),
        "summary[0].evidence[0].sources[0]",
        "not a key",
    );
}

/// The first statement of Strasbourg's summary, to break.
fn first_statement(v: &mut Value) -> &mut Value {
    &mut plot_mut(v, STRAS)["summary"][0]
}

#[test]
fn every_statement_needs_a_short_quotation_from_a_known_section() {
    let r = load_with("plots.json", |v| first_statement(v)["evidence"] = json!([]));
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "summary[0].evidence",
        "has no quotation",
    );
    let r = load_with("plots.json", |v| {
        first_statement(v)["evidence"][0]["quote"] = json!("word ".repeat(26))
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "summary[0].evidence[0].quote",
        "has 26 words",
    );
    let r = load_with("plots.json", |v| {
        first_statement(v)["evidence"][0]["section"] = json!("chapter-99")
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "summary[0].evidence[0].section",
        "not a section id",
    );
    let r = load_with("plots.json", |v| first_statement(v)["hedge_exception"] = json!(" "));
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "summary[0].hedge_exception",
        "give the reason",
    );
    let r = load_with("plots.json", |v| first_statement(v)["text"] = json!(""));
    assert_rejected(r, "data/plots.json", STRAS_ITEM, "summary[0].text", "is empty");
    let r = load_with("plots.json", |v| first_statement(v)["sources"] = json!(["seelow-2023"]));
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "summary[0].sources",
        "unknown field `sources`",
    );
}

#[test]
fn cited_works_must_be_cited_in_that_section_and_listed_for_the_plot() {
    // Soliev 2021 is a real key, but the report does not cite it in the Table 1 section.
    let r =
        load_with(
            "plots.json",
            |v| {
                first_statement(v)["evidence"][0] =
                    json!({"section": "table-1", "quote": "Strasbourg", "sources": ["soliev-2021"]})
            },
        );
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "summary[0].evidence[0].sources[0]",
        "not among the works section \"table-1\" cites",
    );
    // Jokinen 2020 is cited in the 2020 plot's section but is not one of Strasbourg's works.
    let r = load_with("plots.json", |v| {
        first_statement(v)["evidence"][0] = json!({"section": "plot-2020", "quote": "x", "sources": ["jokinen-2020"]})
    });
    assert_rejected(
        r,
        "data/plots.json",
        STRAS_ITEM,
        "summary[0].evidence[0].sources[0]",
        "not in the plot's `sources`",
    );
}

#[test]
fn every_statement_is_listed_once_with_its_place() {
    let ds = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
    let all = ds.statements();
    let stras_summary = ds.plot(STRAS).map_or(0, |p| p.summary.statements().len());
    let listed = all
        .iter()
        .filter(|s| s.owner == Owner::Plot(STRAS) && s.field.starts_with("summary["))
        .count();
    assert!(stras_summary > 3);
    assert_eq!(listed, stras_summary);
    assert!(
        all.iter()
            .any(|s| s.owner == Owner::Node("gdp") && s.field.starts_with("facts["))
    );
    assert!(all.iter().any(|s| s.owner == Owner::Lull));
    assert!(all.iter().all(|s| !s.statement.evidence.is_empty()));
}
