# The printed page: running margins, the briefing pack's short form (see src/print.rs).

# Running margin of every printed page, beside the atlas's name and the page number.
paper-retrieved = Retrieved { $date }
paper-address-long = Address too long for this margin: printed in full in the citation at the end
# The briefing pack.
paper-qr-label = QR code of { $address }
paper-pack-address = This pack
paper-evidence-at = Short form: the evidence for each sentence (the report's own words) is on the plot's page at this address.
paper-facts-h = Table 1 entry and structured reading
# /offices: the whole hierarchy in one screen, above the facts.
paper-org-map-h = The hierarchy at a glance
paper-org-unnamed = { $count ->
    [one] One more regional office: counted in the report, not named
   *[other] { $count } more regional offices: counted in the report, not named
}
# Above a table that is wider than the screen (phones).
paper-scroll-hint = Scroll sideways for more columns →
