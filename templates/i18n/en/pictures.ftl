# Pictures (visual review M6, M9, M15, L1, L8): the network's plot-by-plot list, the scroll hint
# and the locator map's off-map handlers.
pictures-link-handlers = Handlers: { $country }
pictures-link-unit = IS unit: { $unit }
pictures-network-scroll-hint = The diagram is wider than the screen: scroll it sideways.
