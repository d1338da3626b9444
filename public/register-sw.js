// Offline shell for kiosk tablets; only over http(s), never from a file share.
// A file rather than an inline script, so the CSP needs no hash for it. Loaded with `defer`
// (a plain script stopped the parser, so the wasm started only once this file had come) and
// registered after the page's load: the worker's precache downloads the whole app, which on
// a shop's slow link must not compete with the page being opened.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  const register = () => navigator.serviceWorker.register('sw.js').catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
