import {terminalSafeJson} from '../terminal/terminal-safe-json.js';

/** Sessions open now, in all and per client address. */
export type SessionCounts = {total: number; perIp: ReadonlyMap<string, number>};

export type SessionCaps = {maxSessions: number; maxPerIp: number};

export type Admission = {admitted: true} | {admitted: false; message: string};

/** Whether one more session from `ip` fits; a refusal says why, politely, for the reader's screen. */
export function admitSession(counts: SessionCounts, caps: SessionCaps, ip: string): Admission {
	if (counts.total >= caps.maxSessions) {
		const taken = caps.maxSessions === 1 ? 'its one reading place is taken' : `all ${caps.maxSessions} reading places are taken`;
		return {admitted: false, message: `This blog is busy right now: ${taken}. Please try again in a few minutes.`};
	}

	if ((counts.perIp.get(ip) ?? 0) >= caps.maxPerIp) {
		return {admitted: false, message: `You already have ${caps.maxPerIp} session${caps.maxPerIp === 1 ? '' : 's'} open on this blog; close one to open another.`};
	}

	return {admitted: true};
}

/** A mutable tally of sessions, kept by the server. */
export class SessionTally implements SessionCounts {
	total = 0;
	readonly perIp = new Map<string, number>();

	add(ip: string): void {
		this.total++;
		this.perIp.set(ip, (this.perIp.get(ip) ?? 0) + 1);
	}

	remove(ip: string): void {
		this.total--;
		const left = (this.perIp.get(ip) ?? 1) - 1;
		if (left <= 0) {
			this.perIp.delete(ip);
		} else {
			this.perIp.set(ip, left);
		}
	}
}

// A client's address as the socket gave it prints as it is; anything else is quoted like the other fields.
const plainAddress = /^[\w.:%-]+$/;

/**
 * One stderr line per connect, disconnect and refusal: time, address, user, and for a disconnect its
 * length and reason. Every field a client can influence is written as terminal-safe JSON, so a user name
 * full of control characters cannot retitle, clear or reorder the operator's terminal.
 */
export function logLine(event: 'connect' | 'disconnect' | 'refused', fields: {time: Date; ip: string; user?: string; durationMs?: number; reason?: string; held?: number}): string {
	const parts = [fields.time.toISOString(), event, `ip=${plainAddress.test(fields.ip) ? fields.ip : terminalSafeJson(fields.ip)}`];
	if (fields.user !== undefined) {
		parts.push(`user=${terminalSafeJson(fields.user)}`);
	}

	if (fields.durationMs !== undefined) {
		parts.push(`duration=${(fields.durationMs / 1000).toFixed(1)}s`);
	}

	if (fields.reason !== undefined) {
		parts.push(`reason=${terminalSafeJson(fields.reason)}`);
	}

	if (fields.held !== undefined) {
		parts.push(`repeated=${fields.held}`);
	}

	return parts.join(' ');
}
