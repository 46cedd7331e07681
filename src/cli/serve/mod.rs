//! `transalign serve`: the check as a web page for editors and a JSON API
//! for programs (docs/serve.md).
//!
//! One tokio runtime answers HTTP/1.1 through hyper, routed by axum. Its
//! threads only move bytes: every check (parsing, aligning, rendering) runs
//! on a pool bounded by `--workers` ([`pool::Pool`]). No request touches the
//! file system; `transalign.toml` and a lexicon are read once at start.

mod page;
mod pool;
mod request;
mod routes;

use std::future::Future;
use std::io::Write;
use std::net::TcpListener as StdListener;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use transalign::report::policy::Policy;
use transalign::{CheckOptions, Language, Severity};

use super::align::AlignerArgs;
use super::config::PolicyArgs;
use crate::EXIT_CLEAN;

/// Where the server listens unless told otherwise: this machine only.
pub const DEFAULT_BIND: &str = "127.0.0.1:7878";

/// Largest request body by default. An article and its translation are
/// rarely over 200 KB each (the largest pair in corpora/ is under 40 KB);
/// 8 MiB leaves room for long HTML pages with their markup while keeping
/// one request's memory small.
pub const DEFAULT_MAX_BODY: u64 = 8 * 1024 * 1024;

/// Seconds a client has to send a request's headers, and again its body,
/// and that an idle connection stays open. A phone on a slow link uploads
/// 8 MiB in well under 30 s at 3 Mbit/s; a client slower than that is
/// holding a connection, not sending an article.
const DEFAULT_READ_TIMEOUT: f64 = 30.0;

/// Seconds a check may take, waiting for a worker included, before its
/// request is answered 503. The seed pair checks in about 10 ms and a 5 MB
/// pair in a few seconds (docs/benchmarks.md); a minute is far beyond any
/// article and still ends a request a queue of slow checks holds up.
const DEFAULT_CHECK_TIMEOUT: f64 = 60.0;

/// Longest timeout accepted: a day. Larger values are typing mistakes.
const MAX_TIMEOUT: f64 = 86_400.0;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  transalign serve                      # http://127.0.0.1:7878/
  transalign serve --bind 127.0.0.1:0   # any free port; the URL is printed
  curl -s http://127.0.0.1:7878/api/check -H 'Content-Type: application/json' \\
       -d '{\"original\": \"...\", \"translation\": \"...\"}'")]
pub struct ServeArgs {
    /// Address to listen on (HOST:PORT; port 0 picks a free one). Any
    /// address but a loopback one is reachable from other machines.
    #[arg(long, default_value = DEFAULT_BIND, value_name = "ADDR")]
    bind: String,
    /// Refuse request bodies larger than this many bytes (answered 413).
    #[arg(long, default_value_t = DEFAULT_MAX_BODY, value_name = "N")]
    max_bytes: u64,
    /// Checks that run at once [default: the number of cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    workers: Option<u16>,
    /// Seconds a client has to send the headers, and again the body, of a
    /// request; also how long an idle connection stays open.
    #[arg(long, default_value_t = DEFAULT_READ_TIMEOUT, value_name = "SECONDS", value_parser = parse_seconds)]
    read_timeout: f64,
    /// Seconds a check may take, waiting for a worker included (answered 503).
    #[arg(long, default_value_t = DEFAULT_CHECK_TIMEOUT, value_name = "SECONDS", value_parser = parse_seconds)]
    check_timeout: f64,
    #[command(flatten)]
    policy: PolicyArgs,
    #[command(flatten)]
    aligner: AlignerArgs,
}

/// A timeout in seconds: positive, finite, at most [`MAX_TIMEOUT`].
fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s > 0.0 && s <= MAX_TIMEOUT => Ok(s),
        _ => Err(format!(
            "expected a number of seconds above 0 and at most {MAX_TIMEOUT}"
        )),
    }
}

/// What every request shares: the settings read at start.
pub struct Server {
    /// The policy of `transalign.toml` and the command line; a request
    /// may change `fail_on`, `min_severity` and add `ignore` patterns.
    policy: Policy,
    /// The `show` level of `transalign.toml`, used when a request names none.
    show: Option<Severity>,
    /// Languages set by `transalign.toml`, used when a request names none.
    source_lang: Option<Language>,
    target_lang: Option<Language>,
    /// Aligner settings (with the lexicon, if any).
    check: CheckOptions,
    /// The bounded pool the checks run on.
    pool: pool::Pool,
    /// Largest request body.
    max_bytes: u64,
    /// Time to receive a request body.
    read_timeout: Duration,
}

pub fn run(args: ServeArgs) -> anyhow::Result<u8> {
    let config = args.policy.load_config()?;
    let policy = args.policy.policy(&config)?;
    let workers = args.workers.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    let server = Server {
        policy,
        show: config.show()?,
        source_lang: config.language(&config.source_lang, "source-lang")?,
        target_lang: config.language(&config.target_lang, "target-lang")?,
        check: CheckOptions {
            align: args.aligner.options()?,
            // One shelf for every request: each dictionary is opened once.
            dictionaries: args.aligner.dictionaries.shelf(),
            ..CheckOptions::default()
        },
        pool: pool::Pool::new(workers, Duration::from_secs_f64(args.check_timeout)),
        max_bytes: args.max_bytes,
        read_timeout: Duration::from_secs_f64(args.read_timeout),
    };
    let listener = StdListener::bind(&args.bind)
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .with_context(|| format!("--bind {}: cannot listen", args.bind))?;
    let addr = listener.local_addr().context("the listening address")?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // The checks' threads: the pool never runs more at once.
        .max_blocking_threads(workers)
        .thread_name("transalign-serve")
        .build()
        .context("starting the server's threads")?;
    runtime.block_on(async move {
        let listener = TcpListener::from_std(listener).context("the listening socket")?;
        let stop = stop_signal()?;
        log(&format!(
            "listening on http://{addr}/ ({workers} workers, bodies up to {} bytes)",
            server.max_bytes
        ));
        if !addr.ip().is_loopback() {
            log(&format!(
                "warning: {addr} is reachable from other machines, and this server has no \
                 authentication or encryption; put it behind a proxy that has, or bind to 127.0.0.1"
            ));
        }
        let read_timeout = server.read_timeout;
        let app = routes::router(Arc::new(server));
        accept_until(listener, app, read_timeout, stop).await;
        anyhow::Ok(())
    })?;
    // Every connection has closed, so every answer was sent; a check still
    // running belongs to a request that timed out and is not waited for.
    runtime.shutdown_background();
    log("stopped");
    Ok(EXIT_CLEAN)
}

/// One line on standard error, prefixed like every message of the server.
/// A closed standard error is not a reason to stop serving.
pub(crate) fn log(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "transalign serve: {line}");
}

/// A future that completes on SIGINT or SIGTERM. The handlers are
/// installed now, before the server says it is ready.
fn stop_signal() -> anyhow::Result<impl Future<Output = &'static str>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt()).context("catching SIGINT")?;
        let mut terminate = signal(SignalKind::terminate()).context("catching SIGTERM")?;
        Ok(async move {
            tokio::select! {
                _ = interrupt.recv() => "SIGINT",
                _ = terminate.recv() => "SIGTERM",
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
            "Ctrl-C"
        })
    }
}

/// Accepts connections until `stop` completes, then closes the listener,
/// lets every open connection finish the request it is serving, and
/// returns when all have closed.
async fn accept_until(
    listener: TcpListener,
    app: axum::Router,
    read_timeout: Duration,
    stop: impl Future<Output = &'static str>,
) {
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(read_timeout);
    tokio::pin!(stop);
    let signal = loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => serve_connection(&builder, &graceful, stream, &app),
                // Out of file descriptors or a connection reset before it
                // was accepted: wait a moment rather than spin.
                Err(e) => {
                    log(&format!("accepting a connection: {e}"));
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            },
            signal = &mut stop => break signal,
        }
    };
    drop(listener);
    log(&format!(
        "{signal}: no new connections; finishing the requests in progress ({} connections open)",
        graceful.count()
    ));
    graceful.shutdown().await;
}

fn serve_connection(
    builder: &hyper::server::conn::http1::Builder,
    graceful: &GracefulShutdown,
    stream: tokio::net::TcpStream,
    app: &axum::Router,
) {
    // Answers go out as soon as they are written, not after a delayed ACK.
    let _ = stream.set_nodelay(true);
    let service = TowerToHyperService::new(app.clone());
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    let connection = graceful.watch(connection);
    tokio::spawn(async move {
        // A client that went away or sent garbage only ends its connection.
        let _ = connection.await;
    });
}
