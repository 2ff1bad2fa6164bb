// Turns a side-by-side pair of figures into one frame with a slider: the "after" photo is drawn on
// top and clipped at the slider's position. The slider is a native range input, so arrow keys,
// Home/End and touch all work and screen readers announce its value.
document.querySelectorAll("[data-compare]").forEach((compare) => {
  const slider = document.createElement("input");
  slider.type = "range";
  slider.min = "0";
  slider.max = "100";
  slider.value = "50";
  slider.className = "compare-slider";
  slider.setAttribute("aria-label", "Show more of the before or the after photo");
  const show = () => compare.style.setProperty("--position", `${slider.value}%`);
  slider.addEventListener("input", show);
  compare.classList.add("compare--slider");
  compare.append(slider);
  show();
});
