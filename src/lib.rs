//! The ISKP Plots Atlas: a read-only website over the seven plots of DIIS Report 2025:09's Table 1.
//!
//! `model` loads and validates the dataset; `site` holds what every page shares; `state` gathers
//! them with the search index and the page cache; `routes::app` builds the whole HTTP application;
//! `handlers` has one module per page. Dependencies point one way: model → drawing and pages →
//! cache → state → routes.

pub mod archive;
pub mod cache;
pub mod changes;
pub mod config;
pub mod draw;
pub mod error;
pub mod explore;
pub mod export;
pub mod handlers;
pub mod i18n;
pub mod model;
pub mod print;
pub mod routes;
pub mod server;
pub mod site;
pub mod state;
pub mod text;

pub use routes::app;
pub use state::AppState;
