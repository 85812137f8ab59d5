/** UI strings of the search results view and the search box's help (English). */
export default {
  matches_one: '{{count}} match',
  matches_other: '{{count}} matches',
  matchesCapped: '{{count}}+ matches',
  articles_one: '{{count}} article',
  articles_other: '{{count}} articles',
  /** {{matches}} and {{articles}} are the two phrases above. */
  summary: '{{matches}} in {{articles}}',
  searching: 'Searching…',
  failed: 'The search failed. Try again, or change the query.',
  none: 'No article matches “{{query}}” with the list’s filters.',
  /** Hits of one article shown as keyword-in-context; the rest counted. */
  more_one: '…and {{count}} more match in this article',
  more_other: '…and {{count}} more matches in this article',
  moreCapped: '…and more matches in this article',
  hitsInArticle_one: '{{count}} match',
  hitsInArticle_other: '{{count}} matches',
  hitsCapped: '{{count}}+ matches',
  inTitle: 'in the title',
  moreArticles: 'Show more articles ({{shown}} of {{total}})',
  width: 'Context',
  widthOption: '{{count}} characters',
  close: 'Clear search',
  backToResults: 'Search results',
  preparing:
    'Preparing article texts for search ({{done}} / {{total}}): until then a match may be in text the reader hides.',
  help: 'Several words: articles with all of them. "exact phrase" · word OR word · -word excludes. Case and full/half width are ignored; Chinese needs no spaces.',
  problem: {
    'unclosed-quote': 'The quote before “{{term}}” is not closed: searched as a phrase to the end.',
    'empty-phrase': 'An empty pair of quotes was ignored.',
    'dangling-or': 'OR needs a word on both sides; it was ignored.',
    'lone-minus': 'A minus sign needs a word right after it (-word); it was ignored.',
    'or-with-exclusion': 'OR cannot join an excluded word (-{{term}}): both are required instead.',
    'only-exclusions': 'Add a word to search for: -word only excludes articles.',
    'too-many-terms': 'Only the first 20 words were searched.',
  },
};
