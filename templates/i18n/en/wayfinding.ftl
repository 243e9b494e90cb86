# Finding one's way: the menu's extra entries, breadcrumbs, the policy page, the filters' logic,
# compare's marks, search's reasons and the 404 page's help, in English. Ids start with
# `wayfinding-` (the two menu entries with `menu-`, like the others).

## Menu
menu-network = Network
menu-policy = Policy

## /policy
wayfinding-policy-kicker = Policy
wayfinding-policy-title = Policy implications
wayfinding-policy-description = The four sets of recommendations for European governments that the DIIS report draws from the ISKP-linked plots, each with its evidence and the plots it draws on.
wayfinding-policy-see-patterns = The patterns these recommendations answer are on
wayfinding-policy-moved = The report's policy recommendations have their own page:

## Breadcrumbs
wayfinding-crumb-compare = Compare
wayfinding-crumb-briefing = Briefing pack

## The overview's guide
wayfinding-home-across = Read across the plots
wayfinding-home-network = the network
wayfinding-home-side = Put plots side by side
wayfinding-home-compare = compare plots
wayfinding-home-briefing = make a briefing pack to print
wayfinding-home-changes = See what changed
wayfinding-home-changelog = every dataset version and its changes
wayfinding-home-numbers = The numbers are those of Table 1's rows below.

## A plot page's first screen
wayfinding-key-facts = Key facts
wayfinding-key-handlers = Handler country
wayfinding-key-notes = { $count ->
    [one] One data note: Table 1 and the text differ
   *[other] { $count } data notes: Table 1 and the text differ
}
wayfinding-on-this-page = On this page

## /plots: what the filters do
wayfinding-filter-logic = Within a group, a plot needs any one of the ticked options; across groups, it must pass every group. The number beside an option is how many plots the list would show if you ticked it too.
wayfinding-any-of = (any of)
wayfinding-all-of = (all of)
wayfinding-mode-label = Combine:
wayfinding-mode-any = any
wayfinding-mode-all = all, in one plot
wayfinding-notice-mode = “{ $value }” is not a way to combine nationalities (any or all): any is used.
wayfinding-outside = { $count ->
    [one] A plot you ticked is outside these filters. It stays ticked for compare and the briefing pack:
   *[other] { $count } plots you ticked are outside these filters. They stay ticked for compare and the briefing pack:
}
wayfinding-outside-open = open
wayfinding-to-filters = Filters, below the results ↓

## /compare
wayfinding-compare-lede = Every field of Table 1, then the atlas's structured readings, one row each. { $count ->
    [one] One row differs between the plots; it is marked ≠ and edged.
   *[other] { $count } rows differ between the plots; they are marked ≠ and edged.
} A ⚑ beside a value is a data note: there Table 1 and the report's text disagree.
wayfinding-compare-caption = The chosen plots, field by field. Rows marked ≠ differ; ⚑ links a value's data note.
wayfinding-compare-only-differing = Show only the rows that differ
wayfinding-compare-all-rows = Show all rows
wayfinding-compare-briefing = Make a briefing pack of these plots

## /patterns and /method
wayfinding-chart-table = The same figures as a table

## /sources
wayfinding-sources-cited-for = Works cited for
wayfinding-sources-any-plot = any plot (all { $count })
wayfinding-sources-show = Show
wayfinding-sources-for-plot = { $count } of the { $total } works are cited for
wayfinding-sources-all = Show all works.
wayfinding-sources-az = Authors A–Z
wayfinding-sources-no-plot = There is no plot “{ $slug }”: all works are shown.
wayfinding-plot-sources = These works in the bibliography, and where else they are cited

## /search: why a result, why in this order
wayfinding-where-summary = Summary
wayfinding-where-table1 = Table 1
wayfinding-where-places = Places
wayfinding-where-targets = Targets
wayfinding-search-matched-in = matched in { $where }
wayfinding-search-order = Plots come first, then the organisation, patterns and policy, method and sources; within each group the best match leads: words in a title count most, then how often the words occur.
wayfinding-search-by-date = Order the plots by date instead.
wayfinding-search-order-date = Plots are in date order, oldest first; the other groups lead with their best match.
wayfinding-search-by-relevance = Order by best match instead.
wayfinding-search-as-filter = The same question as a filter of the plot list:
