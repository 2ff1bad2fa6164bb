// Draws the places of the GeoJSON feed on a Leaflet map, each a circle filled with the site's one
// severity scale (the --sev-* colours of site.css; a place with places within it takes its worst part's),
// named by a label, with a popup naming the place, its condition and a link to its page. A place without
// coordinates of its own comes at the point of the place it belongs to (located_by), drawn dashed and
// called approximate. Each marker is a link for the keyboard: Tab reaches it, Enter opens the place.
// Without background tiles (none configured, or none could be loaded) the map says so and draws a plain
// grid instead, and asks nothing of any other server. The table under the map lists the same places, so
// nothing here is the only way in.
(() => {
  const element = document.getElementById("map");
  const status = document.querySelector(".map-status");
  const note = document.querySelector(".map-note");
  if (!element || !window.L) {
    return;
  }
  const root = getComputedStyle(document.documentElement);
  const colour = (condition) => (condition && root.getPropertyValue(`--sev-${condition}`).trim()) || "#ffffff";
  const address = (place) => `/sites/${encodeURIComponent(place.slug)}`;
  const names = new Map();
  const approximately = (place) => `Location approximate: no coordinates of its own; shown where ${names.get(place.located_by) ?? "the place it belongs to"} is.`;
  const popup = (place) => {
    const box = document.createElement("div");
    const name = document.createElement("a");
    name.href = address(place);
    name.textContent = place.name_en;
    box.append(name);
    if (place.name_ar) {
      const arabic = document.createElement("span");
      arabic.lang = "ar";
      arabic.dir = "rtl";
      arabic.className = "name-ar";
      arabic.textContent = place.name_ar;
      box.append(" ", arabic);
    }
    const condition = document.createElement("div");
    // In the server's words (condition_text), so the popup says what the place's page says.
    condition.textContent = `Condition: ${place.condition_text}`;
    box.append(condition);
    if (place.located_by || place.location_generalised) {
      const approximate = document.createElement("div");
      approximate.textContent = place.located_by ? approximately(place) : "Location approximate: sensitive place.";
      box.append(approximate);
    }
    return box;
  };

  element.hidden = false;
  const map = L.map(element, { scrollWheelZoom: false }).setView([34.551, 38.268], 14);
  L.control.scale({ imperial: false }).addTo(map);
  // Names crowd each other when the map shows the whole area; nearer in, or on the marker pointed at or focused, they show.
  const crowded = () => element.classList.toggle("map--far", map.getZoom() < 15);
  map.on("zoomend", crowded);
  crowded();

  // The plain base: a grid of hundredths of a degree (about 1 km) around the places, drawn once.
  let placesBounds = null;
  let plain = false;
  const drawGrid = () => {
    if (!plain || !placesBounds || drawGrid.done) {
      return;
    }
    drawGrid.done = true;
    const step = 0.01;
    const area = placesBounds.pad(0.5);
    const [south, north] = [Math.floor(area.getSouth() / step) * step, Math.ceil(area.getNorth() / step) * step];
    const [west, east] = [Math.floor(area.getWest() / step) * step, Math.ceil(area.getEast() / step) * step];
    const line = { color: "#d8d5cc", weight: 1, interactive: false };
    for (let lat = south; lat <= north + step / 2; lat += step) {
      L.polyline([[lat, west], [lat, east]], line).addTo(map);
    }
    for (let lon = west; lon <= east + step / 2; lon += step) {
      L.polyline([[south, lon], [north, lon]], line).addTo(map);
    }
  };
  const withoutTiles = (why) => {
    if (plain) {
      return;
    }
    plain = true;
    element.classList.add("map--plain");
    note.textContent = `${why} The places are drawn on a plain grid of about 1 km squares; zoom in, or point at a marker, to read its name.`;
    note.hidden = false;
    drawGrid();
  };

  if (element.dataset.tileUrl) {
    const tiles = L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.tileAttribution, maxZoom: 19 }).addTo(map);
    let loaded = false;
    tiles.on("tileload", () => { loaded = true; });
    tiles.on("tileerror", () => {
      if (!loaded) {
        map.removeLayer(tiles); // and ask for no more
        withoutTiles("The background map could not be loaded: this computer may be offline, or the tile server blocked.");
      }
    });
  } else {
    withoutTiles("This registry has no background map configured.");
  }

  // Markers at one point (a place and those shown where it is) get their names one under another.
  const labelOffsets = (features) => {
    const byPoint = new Map();
    features.forEach((feature) => {
      const key = feature.geometry.coordinates.join(",");
      byPoint.set(key, [...(byPoint.get(key) ?? []), feature.id]);
    });
    const offsets = new Map();
    byPoint.forEach((slugs) => slugs.forEach((slug, i) => offsets.set(slug, [12, (i - (slugs.length - 1) / 2) * 16])));
    return offsets;
  };

  const keyboard = (marker, place) => {
    const path = marker.getElement();
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "link");
    const where = place.located_by ? `, location approximate (where ${names.get(place.located_by) ?? "the place it belongs to"} is)` : "";
    path.setAttribute("aria-label", `${place.name_en}${where}: ${place.condition_text}`);
    path.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        window.location.assign(address(place));
      }
    });
    const label = marker.getTooltip()?.getElement();
    if (label) {
      label.setAttribute("aria-hidden", "true"); // the marker's own name says it
      const show = () => label.classList.add("map-label--focus");
      const hide = () => label.classList.remove("map-label--focus");
      path.addEventListener("focus", show);
      path.addEventListener("blur", hide);
      path.addEventListener("mouseenter", show);
      path.addEventListener("mouseleave", hide);
    }
  };

  fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
    .then((places) => {
      places.features.forEach((feature) => names.set(feature.id, feature.properties.name_en));
      const offsets = labelOffsets(places.features);
      const layer = L.geoJSON(places, {
        pointToLayer: (feature, at) => {
          const approximate = Boolean(feature.properties.located_by);
          return L.circleMarker(at, {
            radius: approximate ? 7 : 9, color: "#1d1d1b", weight: 1.5, dashArray: approximate ? "3 2" : null,
            fillColor: colour(feature.properties.condition), fillOpacity: approximate ? 0.7 : 0.95,
            className: `map-place map-place-${feature.properties.slug}${approximate ? " map-place-approximate" : ""}`,
          });
        },
        onEachFeature: (feature, marker) => {
          marker.bindPopup(popup(feature.properties));
          marker.bindTooltip(feature.properties.name_en + (feature.properties.located_by ? " (approximate)" : ""),
            { permanent: true, direction: "right", offset: offsets.get(feature.id), className: "map-label" });
        },
      }).addTo(map);
      layer.eachLayer((marker) => keyboard(marker, marker.feature.properties));
      const count = layer.getLayers().length;
      if (count > 0) {
        placesBounds = layer.getBounds();
        map.fitBounds(placesBounds, { padding: [30, 30], maxZoom: 16 });
        drawGrid();
      }
      const approximate = places.features.filter((feature) => feature.properties.located_by).length;
      status.textContent = `${count} places on the map` +
        (approximate > 0 ? `, ${approximate} of them approximately, where the place they belong to is.` : ".");
    })
    .catch(() => {
      status.textContent = "The map could not load the places; the table below lists them all.";
    });
})();
