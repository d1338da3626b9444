// A CouchDB-protocol server for the sync suites: npm pouchdb-server, in memory on
// 127.0.0.1, with a server admin so that credentials are checked. Everything it writes (its
// log, its config) goes to a temporary directory, removed when it stops. COUCHDB_URL (with
// COUCHDB_USER and COUCHDB_PASSWORD) runs the same suites against a real Apache CouchDB 3.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../node_modules/.bin/pouchdb-server');

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function startCouch() {
  if (process.env.COUCHDB_URL) {
    return {
      url: process.env.COUCHDB_URL.replace(/\/$/, ''),
      user: process.env.COUCHDB_USER ?? 'admin',
      password: process.env.COUCHDB_PASSWORD ?? '',
      stop: async () => {},
    };
  }
  const user = 'admin';
  const password = 'sync-test-pw';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pouchdb-'));
  // pouchdb-server writes log.txt into its working directory unless the config names a file.
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ log: { file: path.join(dir, 'log.txt') }, admins: { [user]: password } }));
  const port = await freePort();
  const child = spawn(BIN, ['--in-memory', '--host', '127.0.0.1', '--port', String(port), '--dir', dir, '--config', path.join(dir, 'config.json'), '--no-color'], { cwd: dir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {}
    if (i > 100) throw new Error('pouchdb-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    user,
    password,
    stop: async () => {
      child.kill();
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A request to the server as its admin; the parsed JSON answer and the status. */
export async function admin(couch, method, pathname, body) {
  const res = await fetch(`${couch.url}${pathname}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${couch.user}:${couch.password}`).toString('base64')}`,
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json() };
}

let dbs = 0;

/** A new, empty database for one test. */
export async function newDatabase(couch) {
  const name = `shop_${process.pid}_${++dbs}`;
  const { status } = await admin(couch, 'PUT', `/${name}`);
  if (status !== 201) throw new Error(`could not create ${name}: ${status}`);
  return name;
}

/** Every document of a database, by id. */
export async function allDocs(couch, db) {
  const { json } = await admin(couch, 'GET', `/${db}/_all_docs?include_docs=true`);
  return Object.fromEntries(json.rows.map((r) => [r.id, r.doc]));
}
