// Progressive enhancement for the record pickers (Pickers/PickerTagHelper.cs): a text field marked data-picker
// becomes a combobox (the ARIA 1.2 pattern: a listbox of options, the active one named by aria-activedescendant)
// whose options come from the curators' picker endpoint as the curator types. Arrow keys move, Enter chooses,
// Escape closes. Without this script the field is a plain text field with a datalist, and the server resolves
// whatever is typed; with it, the field still posts the same text ("REF — title").
(() => {
  "use strict";
  const delay = 150;
  let next = 0;

  function enhance(input) {
    if (input.dataset.pickerReady) return;
    input.dataset.pickerReady = "true";
    const id = input.id || `picker-${next++}`;
    const label = document.querySelector(`label[for="${id}"]`);
    const list = document.createElement("ul");
    list.id = `${id}-options`;
    list.className = "picker-options";
    list.setAttribute("role", "listbox");
    if (label) {
      label.id ||= `${id}-label`;
      list.setAttribute("aria-labelledby", label.id);
    }
    list.hidden = true;
    input.after(list);
    // The page's own list of options would open the browser's menu on top of ours.
    input.removeAttribute("list");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    let options = [];
    let active = -1;
    let timer = 0;
    let asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function activate(index) {
      const items = list.children;
      if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
      active = index;
      if (active < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      items[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function choose(index) {
      input.value = options[index].value;
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function show(found) {
      options = found;
      list.replaceChildren(...found.map((option, index) => {
        const item = document.createElement("li");
        item.id = `${list.id}-${index}`;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = option.value;
        if (option.draft) {
          const draft = document.createElement("span");
          draft.className = "picker-draft";
          draft.textContent = ` (${input.dataset.pickerDraft})`;
          item.append(draft);
        }
        // mousedown, not click: the field keeps its focus, so the list is not closed by the blur first.
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(index);
        });
        return item;
      }));
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", String(found.length > 0));
    }

    async function ask() {
      const mine = ++asked;
      const url = `${input.dataset.picker}?q=${encodeURIComponent(input.value.trim())}`;
      try {
        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
        // Only the answer to the latest question counts, and only while the field has the focus (an answer
        // arriving after the curator moved on must not cover the next fields); a signed-out session answers
        // with the sign-in page, not JSON.
        if (mine !== asked || document.activeElement !== input || !response.ok
          || !(response.headers.get("Content-Type") || "").includes("json")) return;
        show(await response.json());
      } catch {
        close(); // offline: the field still takes a typed reference
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(ask, delay);
    });
    input.addEventListener("keydown", (event) => {
      const open = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!open) { ask(); return; }
          activate(Math.min(active + 1, options.length - 1));
          break;
        case "ArrowUp":
          event.preventDefault();
          if (open) activate(Math.max(active - 1, 0));
          break;
        case "Enter":
          // Choosing must not also submit the form; with nothing active, Enter submits as usual.
          if (open && active >= 0) {
            event.preventDefault();
            choose(active);
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          }
          break;
      }
    });
    input.addEventListener("blur", close);
  }

  function enhanceAll(root) {
    root.querySelectorAll("input[data-picker]").forEach(enhance);
  }

  enhanceAll(document);
  // The upload form replaces the page's content with the server's answer; its pickers are enhanced as they arrive.
  new MutationObserver(() => enhanceAll(document)).observe(document.body, { childList: true, subtree: true });
})();
