#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    serviceflow::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Serviceflow runs in the browser: build it with `trunk build --release`.");
}
