// check.js OLDC SERVER: the editor as planners meet it. The YAML language server (SERVER,
// the main script of the npm package yaml-language-server, run with this node over
// stdio) checks dossiers with schemas/dossier.schema.json; this test opens in one
// server every example and every case of tests/loader/cases.tsv, and compares the
// lines and columns of its diagnostics with oldc's own findings (OLDC validate --format
// json); then it asks for hovers on a few keys of an example, which must show the
// schema's descriptions in Chinese and English. Run from the top of the repository by
// tests/editor/run; prints one line per failure, notes for the cases where the server
// differs by design, and "editor: N passed, N failed"; exits 1 on a failure.
//
// What must agree (tests/loader/cases.tsv, columns FILE, EXPECT, SCHEMA, EDITOR):
//   - every example: no error or warning from the server, and valid for oldc;
//   - every case: oldc's findings are the EXPECT column's (LINE:COL, or none for valid);
//   - a case whose SCHEMA column is `agree` and which has no EDITOR column: the server's
//     errors and warnings fall at exactly the same set of LINE:COL as oldc's;
//   - EDITOR `editor-includes: REASON`: the server says more (it reads on after a
//     syntax error), but every one of oldc's positions is among its positions;
//   - EDITOR `editor-differs: REASON`, or SCHEMA `c-only: ...` (a rule the schema cannot
//     express): only oldc's findings are checked; the server's are printed, for the log.
// The server's information and hint diagnostics (an unused anchor) are not findings.
'use strict';

const fs = require('fs');
const path = require('path');
const url = require('url');
const { spawnSync } = require('child_process');
const { LspClient } = require('./lsp.js');

const [oldc, server] = process.argv.slice(2);
const schemaPath = path.resolve('schemas/dossier.schema.json');
const casesDir = 'tests/loader/cases';
const timeoutMs = Number(process.env.OLDC_EDITOR_TIMEOUT_MS || 60000);

let passed = 0, failed = 0;
const pass = () => { passed++; };
const fail = (message) => { failed++; console.log(`FAIL ${message}`); };

// LSP positions count UTF-16 code units from 0 (the protocol's default encoding, the
// only one this server offers); oldc counts code points (characters) from 1. The
// dossiers' Chinese is all in the Basic Multilingual Plane, one unit a character, so
// the two agree there; a character past U+FFFF (an emoji, a rare name in CJK Extension
// B) is two units and one code point: count them as such.
function lspToOldc(lines, position) {
	const text = lines[position.line] ?? '';
	let units = 0, points = 0;
	for (const ch of text) {           // for...of walks code points
		if (units >= position.character) break;
		units += ch.length;
		points++;
	}
	return `${position.line + 1}:${points + 1 + Math.max(0, position.character - units)}`;
}

// oldc's findings of FILE as a sorted set of "LINE:COL" ("-" for one without a place).
function oldcFindings(file) {
	const run = spawnSync(oldc, ['validate', '--format', 'json', file], { encoding: 'utf8' });
	if (run.error || run.status > 2) throw new Error(`${oldc} validate ${file}: ${run.error || run.stderr}`);
	const report = JSON.parse(run.stdout);
	const places = [];
	for (const result of report.results)
		for (const f of result.findings) places.push(f.line == null ? '-' : `${f.line}:${f.column}`);
	return [...new Set(places)].sort();
}

// The document as an editor gives it to the server: decoded as UTF-8 (bytes that are not
// are U+FFFD, as editors show them) and without a byte order mark.
function editorText(file) {
	return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

function readCases() {
	const cases = [];
	for (const line of fs.readFileSync('tests/loader/cases.tsv', 'utf8').split('\n')) {
		if (line === '' || line.startsWith('#')) continue;
		const [file, expect, schema = '', editor = ''] = line.split('\t');
		cases.push({ file: path.join(casesDir, file), expect, schema, editor });
	}
	return cases;
}

// The line and column of a key of a block mapping, by its path: the first line holding
// path[0] at the top level, then below it the first line holding path[1] indented, ...
function keyPosition(lines, keys) {
	let from = 0, indent = -1;
	for (const key of keys) {
		let found = -1;
		for (let i = from; i < lines.length; i++) {
			const m = /^( *)([A-Za-z0-9_]+):/.exec(lines[i]);
			if (!m) continue;
			if (m[1].length <= indent) break;          // left the parent's mapping
			if (m[2] === key) { found = i; indent = m[1].length; break; }
		}
		if (found < 0) return null;
		from = found + 1;
	}
	return { line: from - 1, character: indent + 1 };   // inside the key's name
}

// The schema's description of a key path (through $ref to $defs, as the server follows).
function schemaDescription(schema, keys) {
	let node = schema;
	for (const key of keys) {
		while (node.$ref) node = node.$ref.split('/').slice(1).reduce((n, k) => n[k], schema);
		node = node.properties && node.properties[key];
		if (!node) return null;
	}
	return node.description || null;
}

const cjk = /[\u3400-\u9fff]/;
// "中文。English.": Chinese, a full stop, then English (a Chinese term may stand in it).
function bilingual(text) {
	const cut = text.lastIndexOf('。');
	if (cut < 0 || !cjk.test(text.slice(0, cut))) return false;
	const english = text.slice(cut + 1);
	const latin = (english.match(/[A-Za-z]{2,}/g) || []).length;
	const han = (english.match(/[\u3400-\u9fff]/g) || []).length;
	return latin >= 1 && han <= latin * 3;
}

function checkDescriptions(file) {
	const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
	let count = 0;
	const walk = (node, where) => {
		if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}/${i}`));
		else if (node && typeof node === 'object')
			for (const [k, v] of Object.entries(node)) {
				if (k === 'description' && typeof v === 'string') {
					count++;
					if (!bilingual(v)) fail(`${file}: the description at ${where || '/'} is not "中文。English.": ${v}`);
				} else walk(v, `${where}/${k}`);
			}
	};
	const before = failed;
	walk(schema, '');
	if (failed === before) pass();
	return count;
}

// PROMISE, or an error when the server ends or takes longer than timeoutMs.
function withTimeout(client, promise, what) {
	let timer;
	return Promise.race([promise, new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms: ${what}`)), timeoutMs);
		client.exited.then(({ code, signal }) =>
			reject(new Error(`the server ended (${signal || code}) before ${what}:\n${client.stderr}`)));
	})]).finally(() => clearTimeout(timer));
}

async function main() {
	const started = Date.now();
	const examples = fs.readdirSync('examples').filter((f) => f.endsWith('.yaml')).sort()
		.map((f) => path.join('examples', f));
	const cases = readCases();
	// the conversion itself, on a character past U+FFFF (𠀀, U+20000: two UTF-16 units)
	if (lspToOldc(['name: 𠀀村 x'], { line: 0, character: 10 }) === '1:10') pass();
	else fail(`lspToOldc counts "name: 𠀀村 x" wrong: ${lspToOldc(['name: 𠀀村 x'], { line: 0, character: 10 })}`);
	const files = [...examples, ...cases.map((c) => c.file)];

	const client = new LspClient(process.execPath, [server, '--stdio']);
	const published = new Map();   // uri -> resolve of the wait for its diagnostics
	const diagnostics = new Map();  // uri -> the diagnostics it was given
	client.on('textDocument/publishDiagnostics', (p) => {
		diagnostics.set(p.uri, p.diagnostics);
		const resolve = published.get(p.uri);
		if (resolve) resolve();
	});
	// The settings an editor would hold: the schema for the loader's cases, which lack
	// the examples' first line `# yaml-language-server: $schema=...`; no schema store
	// (it would be fetched from the network). The server asks for them itself.
	const settings = {
		yaml: {
			validate: true, hover: true, completion: true, format: { enable: false },
			schemaStore: { enable: false },
			schemas: { [url.pathToFileURL(schemaPath).href]: [`/${casesDir}/*.yaml`] },
		},
	};
	client.onRequest('workspace/configuration', (p) => p.items.map((item) => settings[item.section] ?? null));
	const configured = new Promise((resolve) => client.on('yaml/schema/store/initialized', resolve));

	try {
		await withTimeout(client, client.request('initialize', {
			processId: process.pid, rootUri: url.pathToFileURL(process.cwd()).href, locale: 'en',
			capabilities: {
				workspace: { configuration: true },
				textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} },
			},
		}), 'initialize');
		// asks the server to say when it has read its settings (yaml/schema/store/initialized)
		client.notify('yaml/supportSchemaSelection', {});
		client.notify('initialized', {});
		await withTimeout(client, configured, 'the settings (workspace/configuration)');
		const ready = Date.now();

		const texts = new Map();
		const waits = files.map((file) => {
			const uri = url.pathToFileURL(path.resolve(file)).href;
			const text = editorText(file);
			texts.set(file, { uri, lines: text.split(/\r\n|\r|\n/) });
			const wait = new Promise((resolve) => published.set(uri, resolve));
			client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
			return wait;
		});
		await withTimeout(client, Promise.all(waits), 'the diagnostics of every file');
		const opened = Date.now();

		const serverFindings = (file) => {
			const { uri, lines } = texts.get(file);
			const all = diagnostics.get(uri) || [];
			const findings = all.filter((d) => d.severity === undefined || d.severity <= 2);
			const places = [...new Set(findings.map((d) => lspToOldc(lines, d.range.start)))].sort();
			const said = all.map((d) => `${lspToOldc(lines, d.range.start)}${d.severity > 2 ? ' (hint)' : ''} ${d.message}`);
			return { places, said };
		};
		const show = (places) => places.length ? places.join(', ') : 'nothing';

		for (const file of examples) {
			const c = oldcFindings(file), s = serverFindings(file);
			if (c.length === 0 && s.places.length === 0) pass();
			else fail(`${file}: an example must be clean: oldc says ${show(c)}; the server says ${s.said.join('; ') || 'nothing'}`);
		}
		const notes = [];
		for (const k of cases) {
			const c = oldcFindings(k.file), s = serverFindings(k.file);
			const want = k.expect === 'valid' ? [] : [...new Set(k.expect.split('; ').map((e) => {
				const place = e.split(' ')[0];
				return place === '0:0' ? '-' : place;
			}))].sort();
			if (show(c) !== show(want)) {
				fail(`${k.file}: oldc says ${show(c)}, cases.tsv wants ${show(want)}`);
				continue;
			}
			const free = k.schema.startsWith('c-only') ? k.schema : k.editor.startsWith('editor-differs') ? k.editor : null;
			if (free) {
				pass();
				if (show(c) !== show(s.places))
					notes.push(`note ${k.file}: oldc ${show(c)}; the server ${s.said.join('; ') || 'nothing'} (${free.replace(/:.*/, '')})`);
				else if (k.editor)
					notes.push(`note ${k.file}: the server now agrees with oldc (${show(c)}): its editor-differs marking can go`);
			} else if (k.editor.startsWith('editor-includes')) {
				if (c.every((p) => s.places.includes(p))) pass();
				else fail(`${k.file}: oldc says ${show(c)}, which the server's ${show(s.places)} must include: ${s.said.join('; ')}`);
			} else if (k.schema === 'agree' && k.editor === '') {
				if (show(c) === show(s.places)) pass();
				else fail(`${k.file}: oldc says ${show(c)}, the server ${show(s.places)}: ${s.said.join('; ') || 'nothing'}`);
			} else {
				fail(`${k.file}: cases.tsv: a marking this test does not know: "${k.schema}" "${k.editor}"`);
			}
		}

		// Hovers: a top-level key, a nested one and a pilot's, in an example with a pilot.
		const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
		const hoverFile = 'examples/zf-2025-009.yaml';
		const { uri, lines } = texts.get(hoverFile);
		for (const keys of [['district'], ['preconditions', 'consultation'], ['preconditions', 'consultation', 'tally'],
			['pilot'], ['pilot', 'type'], ['pilot', 'conditions', 'party_led_governance']]) {
			const where = `${hoverFile}: hover on ${keys.join('.')}`;
			const position = keyPosition(lines, keys), description = schemaDescription(schema, keys);
			if (!position || !description) { fail(`${where}: no such key in the file or the schema`); continue; }
			const hover = await withTimeout(client, client.request('textDocument/hover', { textDocument: { uri }, position }), where);
			const contents = hover && hover.contents;
			const text = typeof contents === 'string' ? contents : Array.isArray(contents)
				? contents.map((c) => c.value ?? c).join('\n') : contents ? contents.value : '';
			// the hover is Markdown: compare without its backslash escapes
			const plain = text.replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1');
			const cut = description.lastIndexOf('。');
			const chinese = description.slice(0, cut + 1), english = description.slice(cut + 1).trim();
			if (process.env.OLDC_EDITOR_SHOW_HOVERS) console.log(`hover ${keys.join('.')}: ${JSON.stringify(text)}`);
			if (plain.includes(chinese) && plain.includes(english)) pass();
			else fail(`${where} at ${position.line + 1}:${position.character + 1}: the hover does not show "${chinese}" and "${english}": ${JSON.stringify(text)}`);
		}

		const count = checkDescriptions('schemas/dossier.schema.json') + checkDescriptions('schemas/policy.schema.json');
		for (const note of notes) console.log(note);
		console.log(`editor: ${files.length} files in one server (started in ${ready - started} ms, ` +
			`diagnostics of all in ${opened - ready} ms), ${count} descriptions bilingual`);
	} finally {
		await client.close().catch(() => client.child.kill('SIGKILL'));
	}
	if (failed && client.stderr) console.log(`the server's standard error:\n${client.stderr}`);
	console.log(`editor: ${passed} passed, ${failed} failed`);
	return failed ? 1 : 0;
}

main().then((status) => { process.exitCode = status; }, (e) => {
	console.log(`FAIL ${e.message}`);
	console.log(`editor: ${passed} passed, ${failed + 1} failed`);
	process.exitCode = 1;
});
