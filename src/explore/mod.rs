//! Answering readers' questions: facet filters over the plots and full-text search.

pub mod filters;
pub mod search;
