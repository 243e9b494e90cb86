# The search page (/search).

search-kicker = Search
search-title = Search the atlas
search-results-for = Results for “{ $query }”
search-page-title = Search
search-page-title-query = Search: { $query }
search-description = Search the plots, the IS organisation, the patterns, the method and the sources of the ISKP Plots Atlas.
search-static-before = This is a static copy of the atlas: search needs the atlas server. The
search-static-plots = list of plots
search-static-between = , the
search-static-org = organisation
search-static-and = and the
search-static-sources = sources
search-static-after = can be browsed.
search-form-label = Search the atlas
search-field-label = Words to find
search-page-button = Search
search-aliases = Searches plots, the organisation, patterns, method and sources, in English and German. Case and accents do not matter, small misspellings are forgiven, and common spellings are understood: Köln or Koeln finds Cologne, Wien finds Vienna, ISIS-K finds ISKP, NRW finds North Rhine-Westphalia.
search-truncated = Only the first 200 characters of the query were used.
search-count = { $count ->
    [0] Nothing found.
    [one] 1 result.
   *[other] { $count } results.
}
search-empty = No page of the atlas contains all of these words. Try fewer or shorter words (a word start is enough: “Tajik” also finds “Tajikistan”), or one of these:
search-kind-plot = Plots
search-kind-organisation = Organisation
search-kind-pattern = Patterns and policy
search-kind-method = Method and data notes
search-kind-source = Sources
