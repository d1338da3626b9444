//! Serviceflow 服务流程规范化工作台.
//!
//! The pure layers (`domain`, `i18n`, `route`, `charts`) build for every target and are
//! tested natively; the browser layers (`storage`, `ui`) exist only on wasm32, so the
//! domain core cannot reach `web-sys` even by accident.

// Tests sort with the standard library: they are never in the wasm (clippy.toml).
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod charts;
pub mod domain;
pub mod i18n;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
