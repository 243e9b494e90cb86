
## Field names on the changes pages (/plots/{slug}/changes)
field-summary = Summary
field-events = Course of the case
field-data-notes = Data note
field-related = Related plot
field-table1 = Table 1
field-date = Date
field-precise-date = More precise date
field-place-label = Place
field-short-place = Short name
field-countries = Countries
field-locations = Place
field-targets = Target
field-outcome = Outcome
field-international-connection = International connection
field-cell-size = Cell size
field-nationalities = Nationality
field-nationality = Nationality of suspects
field-ages = Known ages
field-ages-note = Note on the ages
field-age = Age of suspects
field-weapons = Weapons
field-weapons-and-preparation = Weapons and status of preparation
field-report-sections = Report sections
field-sources = Works cited
field-handlers = Handler
field-channels = Channels
field-arrests-abroad = Arrests abroad
field-judicial-status = Judicial status
field-foiled = Foiled
field-category = Category
field-certainty = Certainty
field-who = Who
field-country = Country
field-kinds = Kinds
field-preparation = Preparation
field-role = Role
field-kind = Kind
field-place = Place
field-lat = Latitude
field-lon = Longitude
field-count = Count
field-slug = Address
field-column = Column
field-quotations = quotations
value-yes = yes
value-no = no

## The changes page
breadcrumb-label = Breadcrumb
breadcrumb-overview = Overview
changes-crumb = Changes
changes-title = { $plot }: changes between versions
changes-description = What changed in the atlas's page on the plot { $plot }, from one dataset version to the next, field by field.
changes-kicker = Changes between versions
changes-lede = Every dataset version in which this plot's entry changed, newest first, and what changed, field by field: computed from the data each version served. Words struck through were removed; underlined words were added.
changes-in-english = The versions are compared in the English original, the language the dataset is written in.
changes-none = This plot's entry has not changed since the first version.
changes-step = From version { $from } to { $to }
changes-page-as = The page as version { $version } served it
changes-as-serves = as version { $version } serves it
changes-as-served = as version { $version } served it
changes-reasons = the changelog's reasons
changes-count = { $count ->
    [one] { $count } field changed.
   *[other] { $count } fields changed.
}
changes-before = Before:
changes-after = After:
changes-none-value = (none)

## The banner on archived pages (/v/{version}/…)
archive-title = Archived page: dataset version { $version }
archive-released = , released { $date }
archive-kept = It is kept as that version served it
archive-at = at
archive-kept-end = , so a citation of it stays true.
archive-current-page = This page in the current version ({ $version })
archive-what-changed = What changed since
archive-current = The current version ({ $version })
archive-all = All versions
