import type {PostDate} from './post.js';

const months = new Map<string, number>();
for (const [index, name] of ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].entries()) {
	months.set(name, index + 1);
	months.set(name.slice(0, 3), index + 1);
}

months.set('sept', 9);

const weekdays = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|sday|urday)?\.?,?$/i;

type Parts = {year: number; month: number; day: number; time?: {hour: number; minute: number; second: number; zone?: string}};

function pad(value: number, length = 2): string {
	return String(value).padStart(length, '0');
}

function validDay(year: number, month: number, day: number): boolean {
	if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) {
		return false;
	}

	return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

/** `Z`, `UTC`, `GMT`, `+0200`, `-07:00`, `+5` → `Z` or `±HH:MM`, or undefined when not a zone. */
function normaliseZone(zone: string): string | undefined {
	if (/^(z|utc|gmt)$/i.test(zone)) {
		return 'Z';
	}

	const offset = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
	if (!offset || Number(offset[2]) > 14 || Number(offset[3] ?? 0) > 59) {
		return undefined;
	}

	return `${offset[1]}${pad(Number(offset[2]))}:${offset[3] ?? '00'}`;
}

/** Reads `10:30`, `10:30:15.250`, `8:05 pm`, each optionally followed by a zone. */
function parseTime(text: string): Parts['time'] | undefined | false {
	if (text === '') {
		return undefined;
	}

	const match = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?\s*(z|utc|gmt|[+-]\d{1,2}(?::?\d{2})?)?$/i.exec(text);
	if (!match) {
		return false;
	}

	let hour = Number(match[1]);
	const minute = Number(match[2]);
	const second = Number(match[3] ?? 0);
	const meridiem = match[4]?.toLowerCase().replaceAll('.', '');
	if (meridiem) {
		if (hour < 1 || hour > 12) {
			return false;
		}

		hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
	}

	if (hour > 23 || minute > 59 || second > 60) {
		return false;
	}

	const zone = match[5] ? normaliseZone(match[5]) : undefined;
	if (match[5] && !zone) {
		return false;
	}

	return {hour, minute, second: Math.min(second, 59), zone};
}

function numericParts(text: string): Parts | undefined | false {
	// 2024-01-05, 2024/1/5, 2024.01.05, optionally with a time: ISO `T`, or a space (Hexo's `2013/7/13 20:46:25`).
	const ymd = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(.*))?$/i.exec(text);
	if (ymd) {
		const time = parseTime(ymd[5]?.trim() ?? '');
		return time === false ? false : {year: Number(ymd[1]), month: Number(ymd[3]), day: Number(ymd[4]), time};
	}

	// US order 2/10/2024 (month first) unless the first number cannot be a month: 25/12/2024.
	const mdy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:,?\s+(.*))?$/.exec(text);
	if (mdy) {
		const time = parseTime(mdy[5]?.trim() ?? '');
		if (time === false) {
			return false;
		}

		const first = Number(mdy[1]);
		const second = Number(mdy[3]);
		const [month, day] = first > 12 ? [second, first] : [first, second];
		return {year: Number(mdy[4]), month, day, time};
	}

	return undefined;
}

/** `Jun 04 2023`, `June 4, 2023`, `4 June 2023`, `Sunday, June 4th, 2023 10:30 am`, `Fri, 05 Jan 2024 10:30:00 GMT`. */
function namedMonthParts(text: string): Parts | undefined {
	const words = text.replace(/,/g, ' ').split(/\s+/).filter(word => word !== '' && !weekdays.test(word) && word.toLowerCase() !== 'of');
	let month: number | undefined;
	let day: number | undefined;
	let year: number | undefined;
	let index = 0;
	for (; index < words.length && index < 3; index++) {
		const word = words[index]!.toLowerCase().replace(/\.$/, '');
		const named = months.get(word);
		if (named !== undefined && month === undefined) {
			month = named;
			continue;
		}

		const number = /^(\d{1,4})(st|nd|rd|th)?$/.exec(word);
		if (!number) {
			return undefined;
		}

		if (number[1]!.length === 4 && !number[2] && year === undefined) {
			year = Number(number[1]);
		} else if (number[1]!.length <= 2 && day === undefined) {
			day = Number(number[1]);
		} else {
			return undefined;
		}
	}

	if (month === undefined || day === undefined || year === undefined) {
		return undefined;
	}

	const time = parseTime(words.slice(index).join(' '));
	return time === false ? undefined : {year, month, day, time};
}

function fromParts(parts: Parts): PostDate | undefined {
	const {year, month, day, time} = parts;
	if (!validDay(year, month, day)) {
		return undefined;
	}

	const calendarDay = `${year}-${pad(month)}-${pad(day)}`;
	if (!time) {
		return {iso: calendarDay, time: Date.UTC(year, month - 1, day)};
	}

	const zone = time.zone ?? 'Z';
	const iso = `${calendarDay}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${zone}`;
	return {iso, time: Date.parse(iso)};
}

function fromDate(value: Date): PostDate | undefined {
	const time = value.getTime();
	if (Number.isNaN(time)) {
		return undefined;
	}

	const isMidnight = time % 86_400_000 === 0;
	const iso = value.toISOString();
	return isMidnight ? {iso: iso.slice(0, 10), time} : {iso: iso.replace(/\.000Z$/, 'Z'), time};
}

/**
 * Reads a date from a frontmatter value or a line of text; undefined when it is not clearly a date.
 * A date-only value keeps its calendar day in every time zone.
 */
export function parseDate(value: unknown): PostDate | undefined {
	if (value instanceof Date) {
		// smol-toml's dates keep the form they were written in (`2024-01-05`, local times): read that.
		const written = (value as {isDate?: unknown}).isDate === undefined ? undefined : value.toISOString();
		return written === undefined ? fromDate(value) : parseDate(written);
	}

	if (typeof value === 'number' && Number.isFinite(value) && value >= 1e9) {
		// Unix time in seconds, or milliseconds when that large.
		return fromDate(new Date(value < 1e11 ? value * 1000 : value));
	}

	if (typeof value !== 'string' || value.length > 100) {
		return undefined;
	}

	const text = value.trim();
	const numeric = numericParts(text);
	if (numeric !== undefined) {
		return numeric === false ? undefined : fromParts(numeric);
	}

	const named = namedMonthParts(text);
	return named ? fromParts(named) : undefined;
}
