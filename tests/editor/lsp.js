// lsp.js: a small Language Server Protocol client for the editor test (tests/editor/run):
// starts a server as a child process and speaks JSON-RPC 2.0 with it over stdio, each
// message framed by a Content-Length header (a count of bytes, not characters).
// Node.js only, no packages. Requests return promises; the server's notifications
// reach the handlers given to on(); a request from the server is answered by the
// handler given to onRequest() (the YAML language server reads its settings with
// workspace/configuration, whatever didChangeConfiguration said), others with null,
// which every such request of the protocol accepts (client/registerCapability,
// window/workDoneProgress/create ...).
'use strict';

const { spawn } = require('child_process');

class LspClient {
	// command, args: the server's command line (e.g. node, [main.js, '--stdio']).
	// The server's standard error is kept in this.stderr, for a message on failure.
	constructor(command, args, options = {}) {
		this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
		this.nextId = 1;
		this.pending = new Map();   // request id -> {resolve, reject, method}
		this.handlers = new Map();  // notification method -> [function(params)]
		this.answers = new Map();   // request method -> function(params) -> result
		this.buffer = Buffer.alloc(0);
		this.stderr = '';
		this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
		this.child.stdout.on('data', (chunk) => this.receive(chunk));
		this.child.stderr.on('data', (chunk) => { this.stderr += chunk; });
		this.child.on('exit', (code, signal) => {
			for (const { reject, method } of this.pending.values())
				reject(new Error(`the server ended (${signal || code}) before answering ${method}`));
			this.pending.clear();
		});
		this.child.stdin.on('error', () => {});   // a dead server shows in exited instead
	}

	send(message) {
		const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
		this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
		this.child.stdin.write(body);
	}

	// Sends a request; the promise holds its result, or fails with its error.
	request(method, params) {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject, method });
			this.send({ id, method, params });
		});
	}

	notify(method, params) {
		this.send({ method, params });
	}

	onRequest(method, answer) {
		this.answers.set(method, answer);
	}

	on(method, handler) {
		if (!this.handlers.has(method)) this.handlers.set(method, []);
		this.handlers.get(method).push(handler);
	}

	// Splits the byte stream into messages: headers, an empty line, Content-Length bytes.
	receive(chunk) {
		this.buffer = Buffer.concat([this.buffer, chunk]);
		for (;;) {
			const end = this.buffer.indexOf('\r\n\r\n');
			if (end < 0) return;
			const headers = this.buffer.subarray(0, end).toString('ascii');
			const match = /^content-length: *(\d+)$/im.exec(headers);
			if (!match) throw new Error(`a message from the server without Content-Length: ${headers}`);
			const length = Number(match[1]);
			if (this.buffer.length < end + 4 + length) return;
			const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
			this.buffer = this.buffer.subarray(end + 4 + length);
			this.dispatch(JSON.parse(body));
		}
	}

	dispatch(message) {
		if (message.id !== undefined && message.method === undefined) {   // a response
			const waiter = this.pending.get(message.id);
			if (!waiter) return;
			this.pending.delete(message.id);
			if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
			else waiter.resolve(message.result);
		} else if (message.id !== undefined) {                            // a request to us
			const answer = this.answers.get(message.method);
			this.send({ id: message.id, result: answer ? answer(message.params) : null });
		} else {                                                          // a notification
			for (const handler of this.handlers.get(message.method) || []) handler(message.params);
		}
	}

	// shutdown, then exit, as the protocol ends a session; resolves when the server has
	// ended (killed after timeoutMs if it has not).
	async close(timeoutMs = 5000) {
		const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
		try {
			await Promise.race([this.request('shutdown', null), this.exited]);
			this.notify('exit', null);
			this.child.stdin.end();
			return await this.exited;
		} finally {
			clearTimeout(timer);
		}
	}
}

module.exports = { LspClient };
