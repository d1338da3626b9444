//! HTTP to the business's CouchDB server with `fetch`: one request, its status and text.
//! What the requests mean is `domain::sync::server`'s; this only carries them.

use crate::domain::sync::server::Server;
use js_sys::{Function, Promise};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit, RequestMode, Response};

/// Why no answer came.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetError {
    /// `fetch` rejected: no network, no server, or an answer CORS hides from the page.
    Failed,
    /// Cancelled by the caller (a long poll cut short to push a change), or given up.
    Aborted,
}

/// Cancels a request in flight; dropping it does not.
#[derive(Clone)]
pub struct Cancel(AbortController);

impl Cancel {
    pub fn new() -> Option<Cancel> {
        AbortController::new().ok().map(Cancel)
    }

    pub fn cancel(&self) {
        self.0.abort();
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.signal().aborted()
    }
}

/// A request to `server`, which gives it its credentials.
pub struct Request<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub body: Option<&'a str>,
    pub cancel: Option<&'a Cancel>,
}

thread_local! {
    /// The `Server::session_key` this page holds a `_session` cookie for.
    static SESSION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// With `cookie`, the server's `_session` cookie authenticates (same origin); else Basic
/// auth in the header, and no cookie is sent.
fn init(
    server: &Server,
    r: &Request,
    cancel: &Cancel,
    cookie: bool,
) -> Result<RequestInit, JsValue> {
    let init = RequestInit::new();
    init.set_method(r.method);
    init.set_credentials(if cookie {
        RequestCredentials::SameOrigin
    } else {
        RequestCredentials::Omit
    });
    init.set_mode(RequestMode::Cors);
    let headers = Headers::new()?;
    headers.set("Accept", "application/json")?;
    if let Some(a) = server.authorization().filter(|_| !cookie) {
        headers.set("Authorization", &a)?;
    }
    if let Some(b) = r.body {
        headers.set("Content-Type", "application/json")?;
        init.set_body(&JsValue::from_str(b));
    }
    init.set_headers(&headers);
    init.set_signal(Some(&cancel.0.signal()));
    Ok(init)
}

/// The status and text of the answer; given up after `give_up_ms` without one. A server at
/// the page's origin is logged in to first (and again once when its cookie has expired); a
/// refused login is the answer.
pub async fn send(
    server: &Server,
    r: Request<'_>,
    give_up_ms: i32,
) -> Result<(u16, String), NetError> {
    let window = web_sys::window().ok_or(NetError::Failed)?;
    let cookie = server.same_origin(&window.location().origin().unwrap_or_default());
    let (key, url, body) = if cookie {
        (
            server.session_key(),
            server.session_url(),
            server.session_body(),
        )
    } else {
        Default::default()
    };
    let login = Request {
        method: "POST",
        url: &url,
        body: Some(&body),
        cancel: None,
    };
    let mut renewed = false;
    // One `attempt` awaited in a loop rather than one per case: the kiosk's page carries
    // this, and each await of it is a copy of its state machine.
    loop {
        let logging_in = cookie && SESSION.with(|s| s.borrow().as_ref() != Some(&key));
        let req = if logging_in { &login } else { &r };
        let answer = attempt(&window, server, req, cookie, give_up_ms).await?;
        if logging_in {
            if !(200..300).contains(&answer.0) {
                return Ok(answer);
            }
            SESSION.with(|s| *s.borrow_mut() = Some(key.clone()));
        } else if cookie && answer.0 == 401 && !renewed {
            renewed = true;
            SESSION.with(|s| s.borrow_mut().take());
        } else {
            return Ok(answer);
        }
    }
}

/// One request with Basic auth and no login: the kiosk's page, which only pushes a few
/// responses now and then, sends its credentials this way to any server (CouchDB names no
/// `WWW-Authenticate` scheme on a 401 unless told to, so no browser asks for a password).
pub async fn send_basic(
    server: &Server,
    r: Request<'_>,
    give_up_ms: i32,
) -> Result<(u16, String), NetError> {
    let window = web_sys::window().ok_or(NetError::Failed)?;
    attempt(&window, server, &r, false, give_up_ms).await
}

async fn attempt(
    window: &web_sys::Window,
    server: &Server,
    r: &Request<'_>,
    cookie: bool,
    give_up_ms: i32,
) -> Result<(u16, String), NetError> {
    let cancel = match r.cancel {
        Some(c) => c.clone(),
        None => Cancel::new().ok_or(NetError::Failed)?,
    };
    let init = init(server, r, &cancel, cookie).map_err(|_| NetError::Failed)?;
    let give_up = Closure::<dyn FnMut()>::new({
        let cancel = cancel.clone();
        move || cancel.cancel()
    });
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            give_up.as_ref().unchecked_ref(),
            give_up_ms,
        )
        .ok();
    let answer = fetch(window, r.url, &init).await;
    if let Some(t) = timer {
        window.clear_timeout_with_handle(t);
    }
    drop(give_up);
    answer
}

async fn fetch(
    window: &web_sys::Window,
    url: &str,
    init: &RequestInit,
) -> Result<(u16, String), NetError> {
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(|e| failure(&e))?
        .unchecked_into();
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await.map_err(|e| failure(&e))?,
        Err(_) => return Err(NetError::Failed),
    };
    Ok((response.status(), text.as_string().unwrap_or_default()))
}

fn failure(e: &JsValue) -> NetError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "AbortError" => NetError::Aborted,
        _ => NetError::Failed,
    }
}

/// Whether anything answers at `url` at all, CORS or not: an opaque `no-cors` answer tells
/// a server that refuses this page (CORS) from one that is not there.
pub async fn answers_at_all(url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let init = RequestInit::new();
    init.set_mode(RequestMode::NoCors);
    init.set_credentials(RequestCredentials::Omit);
    JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .is_ok()
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve: Function, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
