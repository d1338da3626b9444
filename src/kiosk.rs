//! The kiosk's own binary (`kiosk.html`): the customer's path without the manager's pages.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    serviceflow::ui::mount_kiosk();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Serviceflow kiosk runs in the browser: build it with `trunk build --release`.");
}
