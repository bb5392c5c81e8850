/** Every key of the list screens, for help screens and the keys post; grouped by screen. */
export type KeyHelp = {keys: string; does: string};

export const listKeys: Record<'list' | 'filter' | 'tags' | 'search', KeyHelp[]> = {
	list: [
		{keys: '↑ ↓  j k', does: 'move'},
		{keys: 'PgUp PgDn  b space', does: 'page up / down'},
		{keys: 'ctrl-u ctrl-d  u d', does: 'half a page up / down'},
		{keys: 'g G  Home End', does: 'first / last post'},
		{keys: 'Enter', does: 'read the post (or see why a file could not be read)'},
		{keys: '/', does: 'filter: fuzzy match on title, tags and description'},
		{keys: '#', does: 'tag browser: filter by tag (several tags combine)'},
		{keys: 'F  ctrl-f', does: 'search the text of every post'},
		{keys: 's', does: 'sort: newest first, oldest first, by title'},
		{keys: 'r', does: 'read the posts again: the folder, and feeds and pages from the web'},
		{keys: 'Esc', does: 'clear the filter, then remove the last tag'},
		{keys: 'Backspace', does: 'remove the last tag, then clear the filter'},
		{keys: 'q  ctrl-c', does: 'quit'},
	],
	filter: [
		{keys: 'type', does: 'narrow the list (q types a q here)'},
		{keys: '↑ ↓', does: 'move'},
		{keys: 'ctrl-u ctrl-w', does: 'clear / delete a word'},
		{keys: 'Enter', does: 'keep the filter'},
		{keys: 'Esc', does: 'clear the filter'},
	],
	tags: [
		{keys: 'type', does: 'narrow the tags'},
		{keys: '↑ ↓', does: 'move'},
		{keys: 'Enter', does: 'filter by the tag'},
		{keys: 'Backspace', does: 'remove the last active tag (when nothing is typed)'},
		{keys: 'Esc', does: 'close'},
	],
	search: [
		{keys: 'type', does: 'search every post (a capital letter makes it case-sensitive)'},
		{keys: '↑ ↓', does: 'move through the matching lines'},
		{keys: 'Enter', does: 'open the post at that line'},
		{keys: 'Esc', does: 'back to the list'},
	],
};

/** The list's key help as drawn by `?`: one group per screen. */
export const listHelpGroups: Array<[title: string, keys: KeyHelp[]]> = [
	['Keys in the list', listKeys.list],
	['While filtering (/)', listKeys.filter],
	['In the tag browser (#)', listKeys.tags],
	['In full-text search (F)', listKeys.search],
];

/** Lines the help takes: a title and the keys per group, a blank line between groups, then a note. */
export const listHelpLength = listHelpGroups.reduce((sum, [, keys]) => sum + 1 + keys.length, 0) + (listHelpGroups.length - 1) + 2;
