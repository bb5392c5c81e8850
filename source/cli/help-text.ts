import wrapAnsi from 'wrap-ansi';
import {type KeyHelp, listKeys} from '../ui/list/list-keys.js';

const keyColumn = 30;

/** Key rows as `  keys   what they do`, descriptions wrapped under themselves within 80 columns. */
function keyRows(keys: readonly KeyHelp[]): string {
	return keys.map(({keys: names, does}) => {
		const [first = '', ...rest] = wrapAnsi(does, 80 - keyColumn, {hard: true}).split('\n');
		return [`  ${names.padEnd(keyColumn - 2)}${first}`, ...rest.map(line => ' '.repeat(keyColumn) + line)].join('\n');
	}).join('\n');
}

/** `blog-tui --help`: every command, flag and key, with examples, within 80 columns. */
export const helpText = `blog-tui — browse and read a folder of Markdown blog posts in the terminal

Usage
  blog-tui [path|url…]        the full-screen browser (prints the list when
                              output is not a terminal)
  blog-tui list [path|url…]   print the posts as a table, or as JSON
  blog-tui read <slug|file|url>
                              print one post: styled on a terminal, plain
                              text when piped
  blog-tui serve [path|url…]  let readers browse the posts over SSH
  blog-tui help               this text

  path  a folder (searched recursively) or one post file; default ./posts
        when it exists, else the bundled guide
  url   an http(s) feed (RSS, Atom, JSON Feed), a site that announces one,
        or one post (Markdown or an article page); the last copy is kept
        under $XDG_CACHE_HOME/blog-tui for reading offline. Several paths
        and urls are read as one blog

Options for every command
  --theme dark|light|auto     article colours (auto: from COLORFGBG, else dark)
  --width N                   text width, at least 20 (default: the terminal's)
  --ext EXT                   also read *.EXT files (repeatable)
  --no-color                  no colour or other escape sequences
  --no-watch                  do not follow changes to the posts on disk
  --no-state                  do not remember where each post was left
  --no-cache                  read every post afresh and keep no index
  -h, --help                  show this help
  -v, --version               print the version

list
  --json                      one JSON array: the posts, then unreadable files
  -t, --tag TAG               only posts with this tag, in any case
                              (repeatable: every tag must match)
  --drafts                    include drafts (also for the browser and serve)

read
  <slug|file>                 a slug (any case), a path inside the folder,
                              a Markdown file, or - for standard input
  --dir PATH                  the folder to find the slug in

serve
  --host ADDRESS              listen address (default 127.0.0.1: this machine)
  --port N                    TCP port (default 2222)
  --host-key FILE             host key, made on first start when missing
                              (default $XDG_DATA_HOME/blog-tui/host_ed25519)
  --authorized-keys FILE      only these public keys get in (default: anyone)
  --max-sessions N            sessions at once (default 100)
  --max-per-ip N              sessions at once from one address (default 5)
  --idle-timeout SECONDS      end a session idle this long (default 600; 0 off)
  --max-duration SECONDS      end any session this old (default 3600; 0 off)
  --workers N                 processes sharing the port (default 1)

Keys in the list
${keyRows(listKeys.list)}
  ?                           help for the screen you are on

Keys while filtering (/)
${keyRows(listKeys.filter)}

Keys in the tag browser (#)
${keyRows(listKeys.tags)}

Keys in full-text search (F)
${keyRows(listKeys.search)}

Keys while reading
  ↑ ↓  j k                    a line        space f PgDn  b PgUp  a page
  d u                         half a page   g Home  G End  top, bottom
  t                           jump to a heading (type to narrow, enter)
  ] [                         next, previous heading
  tab  shift-tab              move between links; enter follows one
  /                           search the article; n N next, previous match
  o                           outline beside the text (120+ columns)
  esc  backspace  h           back through followed links, then to the list
  ?  q  ctrl-c                help, quit

Environment
  NO_COLOR=1                  no colour
  FORCE_COLOR=0..3            this colour depth, even when piped
  TERM=dumb                   plain text; the browser prints the list instead
  COLUMNS=N                   width of printed output
  XDG_STATE_HOME              where reading positions are kept
                              (default ~/.local/state/blog-tui)
  XDG_CACHE_HOME              where the index of each folder is kept
                              (default ~/.cache/blog-tui)
  DEBUG=blog-tui              stack traces with errors

Examples
  blog-tui                                browse ./posts or the bundled guide
  blog-tui ~/blog/content/posts --drafts  a Hugo or Astro blog, with drafts
  blog-tui list --tag rust --tag cli      posts tagged both rust and cli
  blog-tui list --json | jq -r '.[].slug' every slug, for scripts
  blog-tui read getting-started | less -R read a post in your pager
  blog-tui read notes/idea.md --width 72  print a file at 72 columns
  pbpaste | blog-tui read -               preview Markdown from the clipboard
  blog-tui https://example.com/feed.xml   browse a feed (offline: its last copy)
  blog-tui https://example.com ~/notes    a site's feed and a folder as one
  blog-tui serve ~/blog --host 0.0.0.0    then: ssh -p 2222 <this host>

Exit status: 0 done, 1 something went wrong, 2 the command line was wrong.
`;
