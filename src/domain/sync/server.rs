//! The manager's server settings, checked before anything is sent, and the addresses and
//! answers of the few CouchDB 3 endpoints sync uses (`GET /{db}`, `PUT /{db}`,
//! `GET /{db}/_changes`, `POST /{db}/_bulk_docs`, `POST /{db}/_all_docs`, and `POST /_session`
//! for a server at the page's own origin).

/// A server the settings allow talking to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Server {
    /// Without a trailing `/`; may carry a path (a server behind a proxy at `/couchdb`).
    pub url: String,
    pub db: String,
    pub user: String,
    pub password: String,
}

/// Why the settings are refused, as a code the UI translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsProblem {
    /// Not an `http(s)://host…` address, or one with a user, query or fragment in it.
    BadUrl,
    /// Plain `http://` to another machine: the password would travel readable.
    NotHttps,
    /// CouchDB's rule: a lower-case letter, then lower-case letters, digits and `_$()+-/`.
    BadDatabase,
    /// A password without a user name, or a user name without a password.
    HalfCredentials,
}

fn loopback(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
        _ => host,
    };
    // Not `[::1]`: a CSP source cannot name an IPv6 address, so the page could not reach it.
    matches!(name, "127.0.0.1" | "localhost")
}

pub fn database_name_ok(db: &str) -> bool {
    let mut chars = db.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c))
}

pub fn check(url: &str, db: &str, user: &str, password: &str) -> Result<Server, SettingsProblem> {
    let url = url.trim().trim_end_matches('/');
    let (secure, rest) = if let Some(rest) = url.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = url.strip_prefix("http://") {
        (false, rest)
    } else {
        return Err(SettingsProblem::BadUrl);
    };
    let host = rest.split('/').next().unwrap_or_default();
    let bad = |c: char| c.is_whitespace() || "@?#\\".contains(c);
    if host.is_empty() || rest.contains(bad) {
        return Err(SettingsProblem::BadUrl);
    }
    if !secure && !loopback(host) {
        return Err(SettingsProblem::NotHttps);
    }
    let db = db.trim();
    if !database_name_ok(db) {
        return Err(SettingsProblem::BadDatabase);
    }
    let user = user.trim();
    if user.is_empty() != password.is_empty() {
        return Err(SettingsProblem::HalfCredentials);
    }
    Ok(Server {
        url: url.to_string(),
        db: db.to_string(),
        user: user.to_string(),
        password: password.to_string(),
    })
}

/// Percent-encodes all but RFC 3986's unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

impl Server {
    pub fn db_url(&self) -> String {
        format!("{}/{}", self.url, encode(&self.db))
    }

    /// Which server and database a checkpoint belongs to: another one starts from 0.
    pub fn target(&self) -> String {
        format!("{} {}", self.url, self.db)
    }

    /// `Basic …` (UTF-8, as CouchDB reads it), or none for a server without users.
    pub fn authorization(&self) -> Option<String> {
        (!self.user.is_empty()).then(|| {
            format!(
                "Basic {}",
                base64(format!("{}:{}", self.user, self.password).as_bytes())
            )
        })
    }

    /// Whether the server is at the page's own origin (the same host, e.g. behind a proxy at
    /// `/couchdb`). There the password goes once to `_session` and the cookie it sets does the
    /// rest: no request carries it, and no 401 can make the browser ask for a password itself
    /// (it does for a same-origin answer naming Basic auth).
    pub fn same_origin(&self, page_origin: &str) -> bool {
        !self.user.is_empty()
            && self
                .url
                .strip_prefix(page_origin)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }

    pub fn session_url(&self) -> String {
        format!("{}/_session", self.url)
    }

    /// CouchDB's cookie login, as JSON.
    pub fn session_body(&self) -> String {
        let text = |s: &str| serde_json::to_string(s).unwrap_or_default();
        format!(
            r#"{{"name":{},"password":{}}}"#,
            text(&self.user),
            text(&self.password)
        )
    }

    /// Whom a session cookie is for: another server or user logs in again.
    pub fn session_key(&self) -> String {
        format!("{} {}", self.url, self.user)
    }

    /// `_changes` after `since` with the documents; `wait_ms` makes it a long poll.
    pub fn changes_url(&self, since: &str, limit: usize, wait_ms: Option<u32>) -> String {
        let mut url = format!(
            "{}/_changes?include_docs=true&since={}&limit={limit}",
            self.db_url(),
            encode(since)
        );
        if let Some(ms) = wait_ms {
            url.push_str(&format!("&feed=longpoll&timeout={ms}"));
        }
        url
    }

    pub fn bulk_docs_url(&self) -> String {
        format!("{}/_bulk_docs", self.db_url())
    }

    pub fn all_docs_url(&self) -> String {
        format!("{}/_all_docs?include_docs=true", self.db_url())
    }
}

/// The body `POST _all_docs` takes for some documents.
pub fn keys_body(ids: &[super::DocId]) -> String {
    // A document id is a collection name, `/` and a UUID: nothing to escape.
    let keys: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
    format!(r#"{{"keys":[{}]}}"#, keys.join(","))
}

/// What a request to the database said, as a code the UI translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Ready,
    /// 404: the server is there, the database is not (offer to create it).
    NoDatabase,
    /// 401: wrong user name or password.
    WrongCredentials,
    /// 403: the user may not read or write this database.
    Forbidden,
    /// The browser could not reach the server at all.
    Unreachable,
    /// The server answers, but not to this page: CORS is not enabled for its origin.
    CorsRefused,
    /// Another answer (a proxy's error page, a server error), with its status.
    Unexpected(u16),
}

/// The answer to `GET /{db}` or `PUT /{db}`.
pub fn reach(status: u16) -> Reach {
    match status {
        200..=202 => Reach::Ready,
        401 => Reach::WrongCredentials,
        403 => Reach::Forbidden,
        404 => Reach::NoDatabase,
        other => Reach::Unexpected(other),
    }
}

/// The lines to add to CouchDB's `local.ini` so a page at `origin` may use it.
pub fn cors_settings(origin: &str) -> String {
    format!(
        "[chttpd]\nenable_cors = true\n\n[cors]\norigins = {origin}\ncredentials = true\n\
         methods = GET, PUT, POST, HEAD, DELETE\n\
         headers = accept, authorization, content-type, origin, referer\n"
    )
}
