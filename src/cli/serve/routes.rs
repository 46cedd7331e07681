//! The endpoints, reading request bodies, and what every answer carries
//! (security headers, one access-log line).

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HeaderName,
    REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode, request::Parts};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::BodyExt;
use transalign::report::{FORMAT_VERSION, Html, Json};

use super::pool::PoolError;
use super::request::{Answer, CheckRequest, Failure, FormField};
use super::{Server, log, page};

/// The header that carries what `check` would exit with (0 or 1).
const EXIT_CODE: HeaderName = HeaderName::from_static("transalign-exit-code");

/// Bytes read and thrown away after a body passed `--max-bytes`, so the
/// client, still sending, can read the 413 rather than have its
/// connection reset. Beyond it the connection is simply closed.
const DRAIN_LIMIT: u64 = 16 * 1024 * 1024;

/// Longest path written to the access log.
const MAX_LOGGED_PATH: usize = 200;

pub fn router(server: Arc<Server>) -> Router {
    Router::new()
        .route("/", get(form_page))
        .route("/form.css", get(form_css))
        .route("/check", post(check_form))
        .route("/api/check", post(check_api))
        .route("/healthz", get(healthz))
        .route("/api/version", get(version))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // Bodies are read by `read_body`, with `--max-bytes`.
        .layer(DefaultBodyLimit::disable())
        .layer(middleware::from_fn(secure_headers))
        .layer(middleware::from_fn(access_log))
        .with_state(server)
}

async fn form_page(State(server): State<Arc<Server>>) -> Response {
    html(
        StatusCode::OK,
        page::form(&server.policy, server.show, server.max_bytes).into_bytes(),
        page::PAGE_CSP,
    )
}

async fn form_css() -> Response {
    (
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/css; charset=utf-8"),
        )],
        page::CSS,
    )
        .into_response()
}

async fn healthz(State(server): State<Arc<Server>>) -> Response {
    json(
        StatusCode::OK,
        serde_json::json!({
            "status": "ok",
            "checks_running": server.pool.running(),
            "checks_waiting": server.pool.waiting(),
        }),
    )
}

async fn version() -> Response {
    json(
        StatusCode::OK,
        serde_json::json!({
            "version": env!("CARGO_PKG_VERSION"),
            "format_version": FORMAT_VERSION,
        }),
    )
}

async fn not_found(request: Request) -> Response {
    json_error(&Failure::new(
        StatusCode::NOT_FOUND,
        format!("{}: no such page", request.uri().path()),
    ))
}

async fn method_not_allowed(request: Request) -> Response {
    json_error(&Failure::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{} {}: method not allowed",
            request.method(),
            request.uri().path()
        ),
    ))
}

/// `POST /api/check`: JSON in, the JSON report out.
async fn check_api(State(server): State<Arc<Server>>, request: Request) -> Response {
    let answer = async {
        let (parts, body) = request.into_parts();
        require_type(&parts.headers, "application/json")?;
        let body = read_body(&server, &parts.headers, body).await?;
        let worker = server.clone();
        on_pool(&server, move || {
            worker.answer(CheckRequest::from_json(&body)?, &Json)
        })
        .await
    };
    match answer.await {
        Ok(answer) => {
            let mut response = (
                [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
                answer.bytes,
            )
                .into_response();
            response
                .headers_mut()
                .insert(EXIT_CODE, HeaderValue::from(u16::from(answer.exit_code)));
            response
        }
        Err(failure) => json_error(&failure),
    }
}

/// `POST /check`: the form in, the HTML report out.
async fn check_form(State(server): State<Arc<Server>>, request: Request) -> Response {
    let answer = async {
        let (parts, body) = request.into_parts();
        require_type(&parts.headers, "multipart/form-data")?;
        let body = read_body(&server, &parts.headers, body).await?;
        let fields = form_fields(parts, body).await?;
        let worker = server.clone();
        on_pool(&server, move || {
            worker.answer(CheckRequest::from_form(fields)?, &Html)
        })
        .await
    };
    match answer.await {
        Ok(answer) => {
            let mut response = html(
                StatusCode::OK,
                page::report(answer.bytes, answer.exit_code),
                &page::report_csp(),
            );
            response
                .headers_mut()
                .insert(EXIT_CODE, HeaderValue::from(u16::from(answer.exit_code)));
            response
        }
        Err(failure) => html(
            failure.status,
            page::error(&failure.message).into_bytes(),
            page::PAGE_CSP,
        ),
    }
}

/// Runs a check on the pool; its timeout and a panic become answers.
async fn on_pool(
    server: &Server,
    job: impl FnOnce() -> Result<Answer, Failure> + Send + 'static,
) -> Result<Answer, Failure> {
    match server.pool.run(job).await {
        Ok(answer) => answer,
        Err(PoolError::TimedOut(limit)) => Err(Failure::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the check took longer than {} s (raise it with --check-timeout)",
                limit.as_secs_f64()
            ),
        )),
        Err(PoolError::Panicked) => Err(Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the check failed unexpectedly (a bug: please report it with the texts)",
        )),
    }
}

/// 415 unless the body is of the `expected` media type.
fn require_type(headers: &HeaderMap, expected: &str) -> Result<(), Failure> {
    let found = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = found.split(';').next().unwrap_or_default().trim();
    if essence.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(Failure::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "request body: expected Content-Type {expected}, found {}",
                if found.is_empty() { "none" } else { found }
            ),
        ))
    }
}

/// The request body: 413 past `--max-bytes` (read on a little, then
/// thrown away, so the client sees the answer), 408 when it does not
/// arrive within `--read-timeout`.
async fn read_body(server: &Server, headers: &HeaderMap, body: Body) -> Result<Vec<u8>, Failure> {
    let limit = server.max_bytes;
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let too_large = |size: u64| {
        let e = transalign::Error::TooLarge {
            path: "request body".into(),
            size,
            limit,
        };
        Failure::new(StatusCode::PAYLOAD_TOO_LARGE, e.to_string())
    };
    if let Some(size) = declared.filter(|&n| n > limit.saturating_add(DRAIN_LIMIT)) {
        return Err(too_large(size));
    }
    let read = async {
        let mut body = body;
        let mut kept = Vec::with_capacity(declared.unwrap_or(0).min(limit) as usize);
        let mut total = 0u64;
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| {
                Failure::new(
                    StatusCode::BAD_REQUEST,
                    format!("request body: cannot read it: {e}"),
                )
            })?;
            if let Ok(data) = frame.into_data() {
                total += data.len() as u64;
                if total <= limit {
                    kept.extend_from_slice(&data);
                } else if total > limit.saturating_add(DRAIN_LIMIT) {
                    break;
                }
            }
        }
        Ok((kept, total))
    };
    let (kept, total) = tokio::time::timeout(server.read_timeout, read)
        .await
        .map_err(|_| {
            Failure::new(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "request body: not received within {} s (--read-timeout)",
                    server.read_timeout.as_secs_f64()
                ),
            )
        })??;
    if total > limit {
        return Err(too_large(total.max(declared.unwrap_or(0))));
    }
    Ok(kept)
}

/// The parts of a `multipart/form-data` body already read.
async fn form_fields(parts: Parts, body: Vec<u8>) -> Result<Vec<FormField>, Failure> {
    let request = Request::from_parts(parts, Body::from(body));
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|e| Failure::new(e.status(), format!("form: {}", e.body_text())))?;
    let mut fields = Vec::new();
    loop {
        let field = form
            .next_field()
            .await
            .map_err(|e| Failure::new(e.status(), format!("form: {}", e.body_text())))?;
        let Some(field) = field else { break };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field
            .bytes()
            .await
            .map_err(|e| Failure::new(e.status(), format!("form: {}", e.body_text())))?;
        fields.push(FormField {
            name,
            file_name,
            bytes: bytes.to_vec(),
        });
    }
    Ok(fields)
}

fn html(status: StatusCode, body: Vec<u8>, csp: &str) -> Response {
    let mut response = (
        status,
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        body,
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(csp) {
        response
            .headers_mut()
            .insert(CONTENT_SECURITY_POLICY, value);
    }
    response
}

fn json(status: StatusCode, value: serde_json::Value) -> Response {
    let mut body = value.to_string().into_bytes();
    body.push(b'\n');
    (
        status,
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        body,
    )
        .into_response()
}

/// `{"error": "..."}` with the failure's status.
fn json_error(failure: &Failure) -> Response {
    json(
        failure.status,
        serde_json::json!({ "error": failure.message }),
    )
}

/// Headers every answer carries: nothing is cached (reports hold the
/// texts), sniffed, framed or sent on as a referrer; an answer without a
/// page policy of its own gets one that allows nothing.
async fn secure_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers
        .entry(CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(
            "default-src 'none'; frame-ancestors 'none'",
        ));
    response
}

/// One line per request on standard error: method, path, status,
/// milliseconds, and the bytes received and sent. Never a query string or
/// anything of the texts.
async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path: String = request.uri().path().chars().take(MAX_LOGGED_PATH).collect();
    let received = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        .unwrap_or(0);
    let response = next.run(request).await;
    let sent = response
        .body()
        .size_hint()
        .exact()
        .map_or_else(|| "?".to_string(), |n| n.to_string());
    log(&format!(
        "{method} {path} {} {} ms {received} bytes in {sent} bytes out",
        response.status().as_u16(),
        started.elapsed().as_millis()
    ));
    response
}
