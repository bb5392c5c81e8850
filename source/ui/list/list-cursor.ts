/** A selection in a scrolling list: `top` is the first visible row. */
export type ListCursor = {selected: number; top: number};

export function clampCursor(cursor: ListCursor, count: number, height: number): ListCursor {
	const visible = Math.max(1, height);
	const selected = Math.min(Math.max(0, cursor.selected), Math.max(0, count - 1));
	let top = Math.min(cursor.top, selected);
	if (selected >= top + visible) {
		top = selected - visible + 1;
	}

	top = Math.max(0, Math.min(top, Math.max(0, count - visible)));
	return selected === cursor.selected && top === cursor.top ? cursor : {selected, top};
}

export function moveCursor(cursor: ListCursor, by: number, count: number, height: number): ListCursor {
	return clampCursor({...cursor, selected: cursor.selected + by}, count, height);
}
