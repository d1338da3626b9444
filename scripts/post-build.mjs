// Trunk's one post_build hook (Trunk.toml): the steps run in this order, since the
// compressed twins must be made of the index.html that already carries its CSP hashes.
await import('./csp-hashes.mjs');
await import('./precompress.mjs');
