//! `/static/{name}`: the stylesheets (the atlas's, and the briefing pack's own) and the icon under content-hashed names, cacheable for a year.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::state::AppState;

pub async fn asset(State(state): State<Arc<AppState>>, Path(name): Path<String>) -> Result<Response, AppError> {
    let asset = state
        .site
        .assets()
        .into_iter()
        .find(|a| a.name == name)
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, asset.content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        asset.body.clone(),
    )
        .into_response())
}
