//! Page, API and binary tests, compiled as one test binary. Requests run in-process through
//! `tower::ServiceExt::oneshot`; HTML is checked with CSS selectors, never whole-page snapshots.

mod accept_loop;
mod analytic;
mod api;
mod binary;
mod content;
mod de_analysis;
mod de_plots;
mod errors;
mod evidence;
mod explore;
mod export;
mod gates;
mod german;
mod hardening;
mod helpers;
mod home;
mod offices_units;
mod paper;
mod pictures;
mod plot_pages;
mod polish;
mod search_de;
mod share;
mod tables;
mod versions;
mod visuals;
mod wayfinding;
mod words;
