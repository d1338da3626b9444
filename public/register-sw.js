// Offline shell for kiosk tablets; only over http(s), never from a file share.
// A file rather than an inline script, so the CSP needs no hash for it.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
