import type {ListEntries} from './list-entries.js';
import {previewListWidth, previewMinimumWidth} from './body-lines.js';
import {layoutBody} from './list-layout.js';
import {layoutRows} from './list-state.js';

/** Screen rows above the list body: the header line and its rule. */
const bodyRow = 3;

/**
 * The row (index into `entries`) drawn where the terminal reports a click, 1-based as it reports
 * it; the description under the selected row counts as that row. Undefined on the header, a group
 * label, empty lines and the preview pane.
 */
export function listEntryAt(view: {entries: ListEntries; selected: number; top: number}, height: number, columns: number, at: {column: number; row: number}): number | undefined {
	const line = at.row - bodyRow;
	if (line < 0 || line >= height) {
		return undefined;
	}

	if (columns >= previewMinimumWidth && at.column > previewListWidth(columns)) {
		return undefined;
	}

	const drawn = layoutBody(layoutRows(view.entries), view.selected, view.top, height)[line];
	return drawn && drawn.type !== 'group' ? drawn.index : undefined;
}
