// Draws the places of the GeoJSON feed on a Leaflet map, each a circle filled with the site's one
// severity scale (the --sev-* colours of site.css; a place with places within it takes its worst part's),
// with a popup naming the place, its condition and
// a link to its page. The table under the map lists the same places, so nothing here is the only way in.
(() => {
  const element = document.getElementById("map");
  const status = document.querySelector(".map-status");
  if (!element || !window.L) {
    return;
  }
  const root = getComputedStyle(document.documentElement);
  const colour = (condition) => (condition && root.getPropertyValue(`--sev-${condition}`).trim()) || "#ffffff";
  const popup = (place) => {
    const box = document.createElement("div");
    const name = document.createElement("a");
    name.href = `/sites/${encodeURIComponent(place.slug)}`;
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
    if (place.location_generalised) {
      const note = document.createElement("div");
      note.textContent = "Location approximate: sensitive place.";
      box.append(note);
    }
    return box;
  };

  element.hidden = false;
  const map = L.map(element, { scrollWheelZoom: false }).setView([34.551, 38.268], 14);
  L.tileLayer(element.dataset.tileUrl, { attribution: element.dataset.tileAttribution, maxZoom: 19 }).addTo(map);

  fetch(element.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
    .then((places) => {
      const layer = L.geoJSON(places, {
        pointToLayer: (feature, at) => L.circleMarker(at, {
          radius: 9, color: "#1d1d1b", weight: 1.5, fillColor: colour(feature.properties.condition), fillOpacity: 0.95,
          className: `map-place map-place-${feature.properties.slug}`,
        }),
        onEachFeature: (feature, marker) => marker.bindPopup(popup(feature.properties)),
      }).addTo(map);
      if (layer.getLayers().length > 0) {
        map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 16 });
      }
      status.textContent = `${layer.getLayers().length} places on the map.`;
    })
    .catch(() => {
      status.textContent = "The map could not load the places; the table below lists them all.";
    });
})();
