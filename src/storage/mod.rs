//! Browser storage: small settings in localStorage.

pub mod settings;
