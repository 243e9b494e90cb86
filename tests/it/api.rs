//! `/api/plots.json` and `/api/plots/{slug}.json` against PRODUCT.md's contract and Table 1.

use axum::http::StatusCode;
use serde_json::Value;

use crate::helpers::*;

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string"))
        .collect()
}

#[tokio::test]
async fn the_api_follows_the_contract() {
    let page = get(&atlas(), "/api/plots.json").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("content-type"), "application/json; charset=utf-8");
    let doc = page.json();
    assert_eq!(doc["dataset"]["version"], "1.2.0");
    assert!(
        doc["dataset"]["source"]["citation"]
            .as_str()
            .expect("citation")
            .starts_with("Krause, D. (2025)")
    );
    let plots = doc["plots"].as_array().expect("plots");
    assert_eq!(plots.len(), 7);
    let mut suspects = 0;
    for p in plots {
        let slug = p["slug"].as_str().expect("slug");
        assert_eq!(p["url"], format!("/plots/{slug}"));
        assert_eq!(p["permalink"], format!("http://{HOST}/plots/{slug}"));
        let date = p["date"].as_str().expect("date");
        assert!(
            date.len() == 7 && date.as_bytes()[4] == b'-' && slug.starts_with(date),
            "{date}"
        );
        let countries = strings(&p["countries"]);
        assert!(
            !countries.is_empty()
                && countries
                    .iter()
                    .all(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase()))
        );
        let cell = p["cell_size"].as_u64().expect("integer cell_size");
        let sum: u64 = p["nationalities"]
            .as_array()
            .expect("list")
            .iter()
            .map(|n| n["count"].as_u64().expect("count"))
            .sum();
        assert_eq!(sum, cell, "{slug}");
        let ages = p["ages"].as_array().expect("ages");
        assert!(ages.iter().all(Value::is_u64), "{slug}");
        assert_eq!(p["unknown_ages"].as_u64(), Some(cell - ages.len() as u64));
        if ages.len() as u64 != cell {
            let note = p["ages_note"]
                .as_array()
                .expect("ages_note is a paragraph of statements");
            assert!(!note.is_empty(), "{slug} needs a note on unknown ages");
        }
        // Column by column, the structured fields agree with Table 1's wording.
        let t = &p["table1"];
        assert_eq!(t["cell_size"].as_str(), Some(cell.to_string().as_str()));
        assert_eq!(
            t["date"].as_str().map(|d| format!("{}-{}", &d[3..], &d[..2])),
            Some(date.to_string())
        );
        for key in [
            "location",
            "target",
            "outcome",
            "international_connection",
            "nationality",
            "age",
            "weapons_and_preparation",
        ] {
            assert!(t[key].as_str().is_some_and(|s| !s.is_empty()), "{slug}: table1.{key}");
        }
        assert!(p["outcome"]["foiled"].as_bool().expect("foiled"));
        suspects += cell;
    }
    assert_eq!(suspects, 32);
}

#[tokio::test]
async fn table_1_columns_are_structured_as_the_report_counts_them() {
    let doc = get(&atlas(), "/api/plots.json").await.json();
    let by_slug = |slug: &str| {
        doc["plots"]
            .as_array()
            .expect("plots")
            .iter()
            .find(|p| p["slug"] == slug)
            .cloned()
            .expect(slug)
    };
    let p = by_slug("2022-09-iserlohn-bremerhaven");
    assert_eq!(
        p["nationalities"],
        serde_json::json!([{"nationality": "German/Kosovar", "count": 1}, {"nationality": "Russian", "count": 1}])
    );
    assert_eq!(p["ages"], serde_json::json!([16, 17]));
    let p = by_slug("2023-12-cologne-vienna");
    assert_eq!(strings(&p["countries"]), ["DE", "AT"]);
    assert_eq!(strings(&p["target_categories"]), ["religious-site"]);
    assert_eq!(p["outcome"]["judicial_status"], "no-indictment-deported");
    let p = by_slug("2020-04-north-rhine-westphalia");
    assert_eq!(strings(&p["handler_countries"]), ["AF", "SY"]);
    assert_eq!(
        strings(&p["international_connection"]["channels"]),
        ["telegram", "zello"]
    );
    assert_eq!(strings(&p["international_connection"]["arrests_abroad"]), ["AL"]);
    let p = by_slug("2024-07-belgium-germany");
    assert_eq!(p["precise_date"]["date"], "2024-07-25");
    assert_eq!(p["ages"], serde_json::json!([]));
    assert_eq!(strings(&p["handler_countries"]), ["unknown"]);
}

#[tokio::test]
async fn each_plot_has_its_own_document() {
    let app = atlas();
    for plot in dataset().plots {
        let page = get(&app, &format!("/api/plots/{}.json", plot.slug)).await;
        assert_eq!(page.status, StatusCode::OK);
        let doc = page.json();
        assert_eq!(doc["plot"]["slug"], plot.slug.as_str());
        assert_eq!(doc["plot"]["cell_size"], plot.cell_size);
        assert_eq!(doc["dataset"]["version"], "1.2.0");
    }
}
