//! The ISKP Plots Atlas: a read-only website over the seven plots of DIIS Report 2025:09's Table 1.
//!
//! `model` loads and validates the dataset; `site` holds what every page shares; `routes::app`
//! builds the whole HTTP application from them; `handlers` has one module per page.

pub mod cache;
pub mod config;
pub mod draw;
pub mod error;
pub mod explore;
pub mod export;
pub mod handlers;
pub mod model;
pub mod routes;
pub mod server;
pub mod site;
pub mod text;

pub use routes::app;
pub use site::AppState;
