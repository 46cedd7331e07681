//! `transalign serve` over real HTTP on 127.0.0.1, on a port the system
//! picks: every endpoint and error, escaping, the JSON API against
//! `check --format json`, concurrency and shutdown.
//!
//! The client is a few lines of HTTP/1.1 over a socket, one request per
//! connection (`Connection: close`). No test waits for a fixed time: each
//! waits for the server to say or answer something.
// They run the binary, which needs the `cli` feature.
#![cfg(feature = "cli")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_transalign");

/// How long any wait lasts before the test gives up: only reached when
/// something is broken.
const PATIENCE: Duration = Duration::from_secs(120);

fn pair() -> (String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/pairs/en-de-brenner-tunnel");
    (
        std::fs::read_to_string(dir.join("en.md")).unwrap(),
        std::fs::read_to_string(dir.join("de.md")).unwrap(),
    )
}

/// A running server in a folder of its own (its working directory).
struct Server {
    child: Child,
    addr: String,
    stderr: Receiver<String>,
    seen: Vec<String>,
    dir: tempfile::TempDir,
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    /// The `error` of a JSON error answer, checked to be one line.
    fn error(&self) -> String {
        let v = self.json();
        let message = v["error"].as_str().unwrap_or_else(|| panic!("{v}"));
        assert!(!message.is_empty() && !message.contains('\n'), "{message}");
        message.to_string()
    }
}

impl Server {
    fn start(args: &[&str]) -> Server {
        Server::start_in(tempfile::tempdir().unwrap(), args)
    }

    /// Starts in `dir` and waits for the URL line.
    fn start_in(dir: tempfile::TempDir, args: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .arg("serve")
            .args(if args.contains(&"--bind") {
                &[][..]
            } else {
                &["--bind", "127.0.0.1:0"][..]
            })
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            addr: String::new(),
            stderr: rx,
            seen: Vec::new(),
            dir,
        };
        let line = server.wait_for("listening on http://");
        let url = line.split("http://").nth(1).unwrap();
        server.addr = url.split('/').next().unwrap().to_string();
        server
    }

    /// Reads standard error until a line contains `needle`; returns it.
    fn wait_for(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!("no {needle:?} in {:?}", self.seen),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server ended without {needle:?}: {:?}", self.seen)
                }
            }
        }
    }

    fn request(
        &self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> Response {
        request(&self.addr, method, path, content_type, body)
    }

    fn get(&self, path: &str) -> Response {
        self.request("GET", path, None, b"")
    }

    fn api(&self, body: &Value) -> Response {
        self.request(
            "POST",
            "/api/check",
            Some("application/json"),
            body.to_string().as_bytes(),
        )
    }

    fn form(&self, fields: &[(&str, Option<&str>, &str)]) -> Response {
        let (content_type, body) = multipart(fields);
        self.request("POST", "/check", Some(&content_type), &body)
    }

    fn pid(&self) -> String {
        self.child.id().to_string()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 exchange on a connection of its own.
fn request(
    addr: &str,
    method: &str,
    path: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(t) = content_type {
        head.push_str(&format!("Content-Type: {t}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    read_response(&mut stream)
}

fn read_response(stream: &mut TcpStream) -> Response {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_string(), v.trim().to_string())
        })
        .collect();
    let response = Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    };
    if let Some(n) = response.header("content-length") {
        assert_eq!(
            n.parse::<usize>().unwrap(),
            response.body.len(),
            "a whole body"
        );
    }
    response
}

/// A `multipart/form-data` body of (name, file name, value) fields.
fn multipart(fields: &[(&str, Option<&str>, &str)]) -> (String, Vec<u8>) {
    let boundary = "transalign-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = String::new();
    for (name, file, value) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\""
        ));
        if let Some(file) = file {
            body.push_str(&format!(
                "; filename=\"{file}\"\r\nContent-Type: text/plain"
            ));
        }
        body.push_str(&format!("\r\n\r\n{value}\r\n"));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    )
}

/// `transalign check ARGS` in `dir`: its standard output and exit code.
fn check_cli(dir: &Path, args: &[&str]) -> (Vec<u8>, i32) {
    let out = Command::new(BIN)
        .arg("check")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.code().unwrap() <= 1,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.stdout, out.status.code().unwrap())
}

#[test]
fn every_endpoint_answers() {
    let server = Server::start(&[]);

    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    assert!(
        csp.contains("form-action 'self'") && !csp.contains("script-src"),
        "{csp}"
    );
    let html = page.text();
    assert!(
        html.contains("<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">")
    );
    for field in [
        "original",
        "translation",
        "original_file",
        "translation_file",
        "source_lang",
        "target_lang",
        "format",
        "fail_on",
        "min_severity",
        "show",
        "ignore",
    ] {
        assert!(html.contains(&format!("name=\"{field}\"")), "{field}");
    }
    // Nothing but its own style sheet: no script, no other resource.
    assert!(!html.contains("<script") && !html.contains("://") && !html.contains("src="));
    assert_eq!(html.matches("<link ").count(), 1);

    let css = server.get("/form.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));

    let health = server.get("/healthz");
    assert_eq!(health.status, 200);
    assert_eq!(health.json()["status"], "ok");

    let version = server.get("/api/version").json();
    assert_eq!(version["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(version["format_version"], 1);

    let (en, de) = pair();
    let report = server.form(&[
        ("original", None, &en),
        ("translation", None, &de),
        ("format", None, "markdown"),
        ("source_lang", None, "auto"),
        ("target_lang", None, "de"),
    ]);
    assert_eq!(report.status, 200);
    let html = report.text();
    assert!(html.contains("<a href=\"/\">← Check another pair</a>"));
    assert!(
        html.contains("<span>Original · original</span>"),
        "the report's columns"
    );
    assert_eq!(report.header("transalign-exit-code"), Some("1"));
    // The header repeats the page's own policy, which allows its script.
    let csp = report.header("content-security-policy").unwrap();
    let meta = html
        .split("Content-Security-Policy\" content=\"")
        .nth(1)
        .unwrap();
    let meta = &meta[..meta.find('"').unwrap()];
    assert_eq!(csp, format!("{meta}; frame-ancestors 'none'"));

    let missing = server.get("/nothing-here");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.error(), "/nothing-here: no such page");
    let wrong = server.get("/api/check");
    assert_eq!(wrong.status, 405);
    assert!(wrong.error().contains("method not allowed"));
}

#[test]
fn a_form_upload_replaces_the_pasted_text_and_names_the_report() {
    let server = Server::start(&[]);
    let (en, de) = pair();
    let report = server.form(&[
        ("original", None, "ignored text"),
        ("original_file", Some("brenner.en.md"), &en),
        ("translation", None, &de),
        ("translation_file", Some(""), ""),
        ("fail_on", None, "moved"),
        ("fail_on", None, "name_mismatch"),
        ("show", None, "error"),
    ]);
    assert_eq!(report.status, 200, "{}", report.text());
    let html = report.text();
    assert!(html.contains("Original · brenner.en.md"));
    assert!(html.contains("Translation · translation"));
    assert!(!html.contains("ignored text"));
    // Only errors shown; no moved or name finding, so the policy passes.
    assert!(!html.contains("class=\"badge sev-info\">info</span><span"));
    assert_eq!(report.header("transalign-exit-code"), Some("0"));
}

#[test]
fn the_api_answers_the_bytes_check_writes() {
    let (en, de) = pair();
    let dir = tempfile::tempdir().unwrap();
    // transalign.toml applies to both, as to `check`.
    std::fs::write(
        dir.path().join("transalign.toml"),
        "ignore = [\"Brenner\"]\nfail-on = [\"omission\"]\nsource-lang = \"en\"\nshow = \"warning\"\n",
    )
    .unwrap();
    for (name, text) in [
        ("original", &en),
        ("translation", &de),
        ("en.md", &en),
        ("de.md", &de),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let dir_path = dir.path().to_path_buf();
    let server = Server::start_in(dir, &[]);

    // Unnamed texts are `original` and `translation`.
    let api =
        server.api(&serde_json::json!({"original": en, "translation": de, "format": "markdown"}));
    assert_eq!(api.status, 200, "{}", api.text());
    assert_eq!(api.header("content-type"), Some("application/json"));
    let (cli, code) = check_cli(
        &dir_path,
        &[
            "original",
            "translation",
            "--input-format",
            "markdown",
            "--format",
            "json",
        ],
    );
    assert_eq!(api.body, cli);
    assert_eq!(
        api.header("transalign-exit-code"),
        Some(code.to_string().as_str())
    );
    let report: Value = serde_json::from_slice(&api.body).unwrap();
    assert_eq!(
        report["source"]["language_given"], true,
        "source-lang from the file"
    );
    assert_eq!(report["show"], "warning", "show from the file");
    let flagged = |report: &Value| -> Vec<String> {
        let findings = report["findings"].as_array().unwrap();
        findings
            .iter()
            .flat_map(|f| [&f["source"]["text"], &f["target"]["text"]])
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect()
    };
    assert!(
        flagged(&report).iter().all(|t| !t.contains("Brenner")),
        "the file's ignore pattern"
    );
    let unconfigured = Server::start(&[]);
    let plain = unconfigured
        .api(&serde_json::json!({"original": en, "translation": de, "format": "markdown"}))
        .json();
    assert!(
        flagged(&plain).iter().any(|t| t.contains("Brenner")),
        "the pattern has work to do"
    );

    // Named texts take their format from the name, as files do.
    let api = server.api(&serde_json::json!({
        "original": en, "translation": de,
        "original_name": "en.md", "translation_name": "de.md", "target_lang": "de",
    }));
    assert_eq!(api.status, 200, "{}", api.text());
    let (cli, _) = check_cli(
        &dir_path,
        &["en.md", "de.md", "--target-lang", "de", "--format", "json"],
    );
    assert_eq!(api.body, cli);

    // Without a format or an extension, the content decides, as for files.
    let api = server.api(&serde_json::json!({"original": en, "translation": de}));
    let (cli, _) = check_cli(&dir_path, &["original", "translation", "--format", "json"]);
    assert_eq!(api.body, cli);

    // A request's show wins over the file's, as --show does.
    let api = server.api(&serde_json::json!({
        "original": en, "translation": de, "format": "markdown", "show": "error",
    }));
    let (cli, _) = check_cli(
        &dir_path,
        &[
            "original",
            "translation",
            "--input-format",
            "markdown",
            "--show",
            "error",
            "--format",
            "json",
        ],
    );
    assert_eq!(api.body, cli);
}

#[test]
fn show_and_fail_on_change_the_report_and_the_verdict() {
    let server = Server::start(&[]);
    let (en, de) = pair();
    let all = server
        .api(&serde_json::json!({"original": en, "translation": de}))
        .json();
    let errors = server
        .api(&serde_json::json!({"original": en, "translation": de, "show": "error"}))
        .json();
    let n_errors = all["summary"]["by_severity"]["error"].as_u64().unwrap();
    assert!(n_errors > 0 && n_errors < all["summary"]["total"].as_u64().unwrap());
    let listed = errors["findings"].as_array().unwrap();
    assert_eq!(listed.len() as u64, n_errors);
    assert!(listed.iter().all(|f| f["severity"] == "error"));
    // As with --show: the summary still counts every finding.
    assert_eq!(errors["summary"], all["summary"]);
    assert_eq!(errors["show"], "error");
    assert_eq!(all["show"], Value::Null);

    let passes = server.api(&serde_json::json!({
        "original": en, "translation": de, "fail_on": ["moved"],
    }));
    assert_eq!(passes.header("transalign-exit-code"), Some("0"));
    let fails = server.api(&serde_json::json!({
        "original": en, "translation": de, "min_severity": "info",
    }));
    assert_eq!(fails.header("transalign-exit-code"), Some("1"));
}

#[test]
fn errors_have_their_codes_and_the_cli_message() {
    let server = Server::start(&["--max-bytes", "20000"]);
    let (en, de) = pair();

    let r = server.request(
        "POST",
        "/api/check",
        Some("application/json"),
        b"{\"original\": ",
    );
    assert_eq!(r.status, 400);
    assert!(
        r.error().starts_with("request body: EOF while parsing"),
        "{}",
        r.error()
    );

    let r = server
        .api(&serde_json::json!({"original": en, "translation": de, "source_lang": "english"}));
    assert_eq!(r.status, 400);
    assert!(
        r.error()
            .starts_with("source_lang: unknown language code \"english\"")
    );

    let r = server.api(&serde_json::json!({"original": en, "translation": de, "colour": "red"}));
    assert_eq!(r.status, 400);
    assert!(
        r.error().contains("unknown field `colour`"),
        "{}",
        r.error()
    );

    let r = server.api(&serde_json::json!({"original": en, "translation": de, "ignore": ["("]}));
    assert_eq!(r.status, 400);
    assert!(
        r.error().starts_with("ignore: invalid pattern \"(\""),
        "{}",
        r.error()
    );

    let big = "x".repeat(30_000);
    let r = server.api(&serde_json::json!({"original": big, "translation": de}));
    assert_eq!(r.status, 413);
    assert!(
        r.error()
            .ends_with("is more than the limit of 20000 bytes (raise it with --max-bytes)")
    );

    for content_type in [Some("text/plain"), None] {
        let r = server.request("POST", "/api/check", content_type, b"{}");
        assert_eq!(r.status, 415);
        assert!(
            r.error()
                .starts_with("request body: expected Content-Type application/json")
        );
    }

    let r = server.api(&serde_json::json!({"original": "12 34 56", "translation": de}));
    assert_eq!(r.status, 422);
    assert!(
        r.error()
            .starts_with("original: cannot tell the language reliably"),
        "{}",
        r.error()
    );
    let r = server.api(&serde_json::json!({"original": en, "translation": "   \n"}));
    assert_eq!(r.status, 422);
    assert_eq!(r.error(), "translation: contains no text");

    // The form answers its errors as pages with the same codes.
    let r = server.request("POST", "/check", Some("application/json"), b"{}");
    assert_eq!(r.status, 415);
    assert!(r.text().contains("<a href=\"/\">Back to the form</a>"));
    let r = server.form(&[("original", None, "12 34 56"), ("translation", None, &de)]);
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("original: cannot tell the language reliably")
    );
    let r = server.form(&[
        ("original", None, &en),
        ("translation", None, &de),
        ("colour", None, "red"),
    ]);
    assert_eq!(r.status, 400);
    assert!(r.text().contains("form: unknown field &quot;colour&quot;"));
}

#[test]
fn slow_requests_are_cut_off_by_the_read_timeout() {
    let server = Server::start(&["--read-timeout", "1"]);
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream
        .write_all(
            b"POST /api/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
              Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"original\"",
        )
        .unwrap();
    let r = read_response(&mut stream);
    assert_eq!(r.status, 408);
    assert!(r.error().contains("not received within 1 s"));

    // A connection that sends nothing, or headers that never end, is
    // closed by the server without an answer.
    for sent in [&b""[..], b"GET /healthz HTTP/1.1\r\nHost: x\r\n"] {
        let mut stream = TcpStream::connect(&server.addr).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        stream.write_all(sent).unwrap();
        let mut got = Vec::new();
        // Closed (0 bytes) or reset; a read timeout would fail the test.
        match stream.read_to_end(&mut got) {
            Ok(_) => assert!(got.is_empty(), "{}", String::from_utf8_lossy(&got)),
            Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset, "{e}"),
        }
    }
}

#[test]
fn a_check_past_its_timeout_is_a_503() {
    let server = Server::start(&["--check-timeout", "0.001", "--workers", "1"]);
    let (en, de) = pair();
    // Fifty copies take far longer than a millisecond to check.
    let r =
        server.api(&serde_json::json!({"original": en.repeat(50), "translation": de.repeat(50)}));
    assert_eq!(r.status, 503);
    assert!(r.error().starts_with("the check took longer than 0.001 s"));
}

#[test]
fn pasted_markup_stays_text_everywhere() {
    let server = Server::start(&[]);
    let (en, de) = pair();
    let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "\"><svg onload=alert(3)>",
        "' onmouseover='alert(4)",
    ];
    let evil = payloads.join(" ");
    let original = format!("{en}\n\n{evil} The tunnel opens in 2032, officials said.\n");
    let translation = format!("{de}\n\n{evil} Ein ganz neuer Absatz über 12 Millionen Euro.\n");
    let name = "<img src=x onerror=alert(5)>.md";
    let page = server
        .form(&[
            ("original_file", Some(name), &original),
            ("translation", None, &translation),
            ("source_lang", None, "en"),
            ("target_lang", None, "de"),
            ("format", None, "text"),
        ])
        .text();
    for p in payloads.iter().chain([&name]) {
        assert!(!page.contains(p), "{p} came back raw");
    }
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the report's own script"
    );

    // An error message naming the file is escaped as well.
    let page = server
        .form(&[
            ("original_file", Some(name), "12 34"),
            ("translation", None, &de),
        ])
        .text();
    assert!(!page.contains(name));
    assert!(page.contains("&lt;img src=x onerror=alert(5)&gt;.md: cannot tell the language"));
    assert!(!page.contains("<script"));

    // The API's JSON carries the texts as JSON strings, never as a page.
    let r = server.api(&serde_json::json!({"original": original, "translation": translation, "original_name": name}));
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
}

#[test]
fn requests_never_read_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("secret.md"),
        "SECRET-7731 text that must stay on disk.\n",
    )
    .unwrap();
    let mut server = Server::start_in(dir, &[]);
    let (en, de) = pair();
    for name in ["secret.md", "./secret.md", "../secret.md", "/etc/hostname"] {
        let r = server
            .api(&serde_json::json!({"original": en, "translation": de, "original_name": name}));
        assert_eq!(r.status, 200);
        assert!(!r.text().contains("SECRET-7731"));
        let label = r.json()["source"]["path"].as_str().unwrap().to_string();
        assert!(!label.contains('/'), "{label}");
    }
    // The access log names the request, never its texts.
    server.api(&serde_json::json!({"original": en, "translation": format!("{de}\n\nPRIVATE-4410 steht hier.")}));
    let line = server.wait_for("POST /api/check 200");
    assert!(
        line.contains(" ms ") && line.contains(" bytes out"),
        "{line}"
    );
    let _ = server.get("/healthz");
    server.wait_for("GET /healthz 200");
    assert!(
        server
            .seen
            .iter()
            .all(|l| !l.contains("PRIVATE-4410") && !l.contains("Brenner"))
    );
    assert!(
        server.dir.path().read_dir().unwrap().count() == 1,
        "no file written"
    );
}

#[test]
fn sixty_four_concurrent_requests_are_all_answered() {
    let server = Server::start(&["--workers", "2"]);
    let (en, de) = pair();
    let body = serde_json::json!({"original": en, "translation": de}).to_string();
    let expected = server.request(
        "POST",
        "/api/check",
        Some("application/json"),
        body.as_bytes(),
    );
    assert_eq!(expected.status, 200);
    let start = Arc::new(Barrier::new(64));
    let threads: Vec<_> = (0..64)
        .map(|_| {
            let (addr, body, start) = (server.addr.clone(), body.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                request(
                    &addr,
                    "POST",
                    "/api/check",
                    Some("application/json"),
                    body.as_bytes(),
                )
            })
        })
        .collect();
    for t in threads {
        let r = t.join().unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.body, expected.body);
    }
}

#[test]
fn sigterm_lets_the_running_check_finish_and_exits_0() {
    let mut server = Server::start(&["--workers", "1"]);
    let (en, de) = pair();
    // A pair large enough that the check is still running when the
    // healthz poll below sees it; doubled until it is.
    let mut copies = 20;
    let answer = loop {
        let body =
            serde_json::json!({"original": en.repeat(copies), "translation": de.repeat(copies)})
                .to_string();
        let addr = server.addr.clone();
        let pending = std::thread::spawn(move || {
            request(
                &addr,
                "POST",
                "/api/check",
                Some("application/json"),
                body.as_bytes(),
            )
        });
        let running = loop {
            if server.get("/healthz").json()["checks_running"] == 1 {
                break true;
            }
            if pending.is_finished() {
                break false;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        if running {
            break pending;
        }
        assert_eq!(pending.join().unwrap().status, 200);
        copies *= 2;
        assert!(copies < 5000, "no check ever ran long enough to be seen");
    };
    let killed = Command::new("kill")
        .args(["-TERM", &server.pid()])
        .status()
        .unwrap();
    assert!(killed.success());
    server.wait_for("SIGTERM: no new connections");
    assert!(
        TcpStream::connect(&server.addr).is_err(),
        "the listener is closed"
    );
    let r = answer.join().unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["version"], 1, "the whole report");
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    server.wait_for("stopped");
}

#[test]
fn any_address_but_loopback_is_warned_about() {
    let mut server = Server::start(&["--bind", "0.0.0.0:0"]);
    let line = server.wait_for("warning:");
    assert!(line.contains("reachable from other machines"), "{line}");
}

#[test]
fn a_port_in_use_is_a_one_line_error() {
    let server = Server::start(&[]);
    let out = Command::new(BIN)
        .args(["serve", "--bind", &server.addr])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "transalign: error: --bind {}: cannot listen",
            server.addr
        )),
        "{err}"
    );
}

#[test]
fn sigint_stops_an_idle_server_with_exit_0() {
    let mut server = Server::start(&[]);
    let killed = Command::new("kill")
        .args(["-INT", &server.pid()])
        .status()
        .unwrap();
    assert!(killed.success());
    server.wait_for("SIGINT: no new connections");
    assert_eq!(server.child.wait().unwrap().code(), Some(0));
}
