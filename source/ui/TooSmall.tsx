import {Text} from 'ink';
import {truncate} from './format.js';

export const minimumSize = {columns: 20, rows: 6};

export function TooSmall({columns}: {columns: number}) {
	return <Text>{truncate('terminal too small — resize or press q', columns)}</Text>;
}
