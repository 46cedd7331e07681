(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-kind][data-severity]"));
  function shown(el) {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute("data-filter") + ":" + b.value] = b.checked; });
    return on["kind:" + el.getAttribute("data-kind")] !== false &&
      on["severity:" + el.getAttribute("data-severity")] !== false;
  }
  function apply() {
    items.forEach(function (el) {
      var visible = shown(el);
      if (el.tagName === "MARK") { el.classList.toggle("off", !visible); }
      else { el.classList.toggle("hidden", !visible); }
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  function notes() {
    return Array.prototype.slice.call(document.querySelectorAll("li.note")).filter(function (n) {
      return !n.classList.contains("hidden");
    });
  }
  function go(step) {
    var list = notes();
    if (!list.length) { return; }
    var old = document.querySelector("li.note.current");
    var i = old ? list.indexOf(old) : -1;
    if (old) { old.classList.remove("current"); }
    i = i < 0 ? (step > 0 ? 0 : list.length - 1) : (i + step + list.length) % list.length;
    var el = list[i];
    el.classList.add("current");
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target && e.target.tagName;
    if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT") { return; }
    if (e.key === "j" || e.key === "n") { go(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { go(-1); e.preventDefault(); }
  });
  var head = document.querySelector("header");
  function measure() { document.documentElement.style.setProperty("--head", head.offsetHeight + "px"); }
  window.addEventListener("resize", measure);
  measure();
})();
