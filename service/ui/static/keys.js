/*
 * vimod keyboard map: the review flow without a mouse.
 *
 * Keys (shown to people in the help dialog, templates/keys_help.html):
 *   1-9          choose the label with that number in the current item
 *   j / ArrowDown  next item          k / ArrowUp  previous item
 *   s            skip the current item
 *   Enter        submit the current item's decision
 *   x            select / unselect the current item (bulk decisions)
 *   ?            open the help dialog (Esc closes it)
 * Keys are ignored while typing in a text field, with Ctrl, Alt or Meta held, and while a
 * dialog is open. Arrows are left to radio buttons and selects that have focus.
 *
 * Markup contract: pages wire items with attributes only, no script of their own.
 *   [data-keys-scope]            the list of items (the first on the page is used)
 *   [data-keys-item]             one item; the current one gets class "is-current",
 *                                aria-current="true" and focus (give it tabindex="-1")
 *   input[data-keys-label="N"]   label choice N inside an item (a radio button)
 *   [data-keys-action="skip"]    clicked by s;  [data-keys-action="submit"] clicked by Enter
 *                                (without one, the item's form is submitted)
 *   input[data-keys-select]      the item's selection checkbox, toggled by x
 *   [data-keys-help]             buttons that open the dialog #keys-help ([data-keys-close] closes)
 *   #keys-status                 a polite live region told "Item n of total" on each move
 * Each handled key also dispatches a "vimod:key" CustomEvent on the item, with
 * detail {action, index}, so a page can react (e.g. fetch the next item).
 */
(function () {
  "use strict";

  var TYPING = /^(TEXTAREA|SELECT)$/;
  var TEXT_INPUTS = /^(text|search|email|url|tel|password|number|date|time)$/;

  function isTyping(el) {
    if (!el || el === document.body) return false;
    if (el.isContentEditable || TYPING.test(el.tagName)) return true;
    return el.tagName === "INPUT" && TEXT_INPUTS.test(el.type || "text");
  }

  function usesArrows(el) {
    return !!el && ((el.tagName === "INPUT" && el.type === "radio") || el.tagName === "SELECT");
  }

  function scope() { return document.querySelector("[data-keys-scope]"); }
  function items() {
    var s = scope();
    return s ? Array.prototype.slice.call(s.querySelectorAll("[data-keys-item]")) : [];
  }
  function current() {
    var all = items();
    for (var i = 0; i < all.length; i++) if (all[i].classList.contains("is-current")) return all[i];
    return all[0] || null;
  }

  function announce(index, total) {
    var status = document.getElementById("keys-status");
    if (!status) return;
    var text = status.getAttribute("data-position-text") || "{n} / {total}";
    status.textContent = text.replace("{n}", String(index + 1)).replace("{total}", String(total));
  }

  function emit(item, action) {
    var index = items().indexOf(item);
    item.dispatchEvent(new CustomEvent("vimod:key", { bubbles: true, detail: { action: action, index: index } }));
  }

  /** Make item number ``index`` current (clamped), focus it and say where we are. */
  function select(index) {
    var all = items();
    if (!all.length) return null;
    index = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (el, i) {
      el.classList.toggle("is-current", i === index);
      if (i === index) el.setAttribute("aria-current", "true");
      else el.removeAttribute("aria-current");
    });
    var item = all[index];
    if (!item.hasAttribute("tabindex")) item.setAttribute("tabindex", "-1");
    item.focus();
    if (item.scrollIntoView) item.scrollIntoView({ block: "nearest" });
    announce(index, all.length);
    return item;
  }

  function move(delta) {
    var item = current();
    if (!item) return;
    var next = select(items().indexOf(item) + delta);
    if (next) emit(next, delta > 0 ? "next" : "previous");
  }

  function chooseLabel(item, n) {
    var input = item.querySelector('input[data-keys-label="' + n + '"]');
    if (!input || input.disabled) return false;
    input.checked = true;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    emit(item, "label");
    return true;
  }

  function clickAction(item, action) {
    var button = item.querySelector('[data-keys-action="' + action + '"]');
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }

  function submit(item) {
    emit(item, "submit");
    if (clickAction(item, "submit")) return true;
    var form = item.tagName === "FORM" ? item : item.closest("form");
    if (!form) return false;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
    return true;
  }

  function toggleSelect(item) {
    var box = item.querySelector("input[data-keys-select]");
    if (!box || box.disabled) return false;
    box.checked = !box.checked;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    emit(item, "select");
    return true;
  }

  function helpDialog() { return document.getElementById("keys-help"); }

  function openHelp() {
    var dialog = helpDialog();
    if (dialog && !dialog.open && dialog.showModal) dialog.showModal();
  }

  function onKey(event) {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (document.querySelector("dialog[open]")) return;  // Esc and Tab belong to the dialog
    var target = event.target;
    if (isTyping(target)) return;
    var key = event.key;
    if (key === "?") { openHelp(); event.preventDefault(); return; }
    var item = current();
    if (!item) return;
    var handled = false;
    if (key >= "1" && key <= "9" && key.length === 1) handled = chooseLabel(item, key);
    else if (key === "j" || (key === "ArrowDown" && !usesArrows(target))) { move(1); handled = true; }
    else if (key === "k" || (key === "ArrowUp" && !usesArrows(target))) { move(-1); handled = true; }
    else if (key === "s") handled = clickAction(item, "skip") && (emit(item, "skip"), true);
    else if (key === "x") handled = toggleSelect(item);
    else if (key === "Enter") {
      // Enter on a link or button keeps its own meaning.
      var tag = target && target.tagName;
      if (tag === "A" || tag === "BUTTON" || tag === "SUMMARY") return;
      handled = submit(item);
    }
    if (handled) event.preventDefault();
  }

  function init() {
    document.addEventListener("keydown", onKey);
    document.querySelectorAll("[data-keys-help]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", openHelp);
    });
    var dialog = helpDialog();
    if (dialog) {
      dialog.querySelectorAll("[data-keys-close]").forEach(function (button) {
        button.addEventListener("click", function () { dialog.close(); });
      });
    }
    var all = items();
    if (all.length) {
      all.forEach(function (el) { if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1"); });
      var first = current();
      first.classList.add("is-current");
      first.setAttribute("aria-current", "true");
    }
  }

  window.vimodKeys = { select: select, move: move, current: current, openHelp: openHelp };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
