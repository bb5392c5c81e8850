import {Text} from 'ink';
import {truncate} from './format.js';

export const minimumSize = {columns: 20, rows: 6};

const messages = ['terminal too small — resize or press q', 'too small: resize or q', 'too small'];

/** The longest message that fits, so even a 10-column terminal says what is wrong. */
export function TooSmall({columns}: {columns: number}) {
	return <Text>{truncate(messages.find(message => message.length <= columns) ?? messages.at(-1)!, columns)}</Text>;
}
