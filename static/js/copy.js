// "Copy" buttons: progressive enhancement. Without JavaScript the buttons stay hidden and the
// text they would copy is on the page to select by hand.
(function () {
  "use strict";

  function copyByHand(text) {
    // For browsers without the asynchronous clipboard (or when it is refused).
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    return copied;
  }

  function report(status, text, copied) {
    if (!status) return;
    // The status says what was copied, so a screen-reader user hears it and anyone can check it.
    status.textContent = copied
      ? "Copied: " + text
      : "Could not copy automatically. Select the text above and copy it.";
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var name = button.getAttribute("data-copy");
    var source = document.getElementById(name);
    var status = document.querySelector('[data-copy-status="' + name + '"]');
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.textContent.trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(
          function () { report(status, text, true); },
          function () { report(status, text, copyByHand(text)); }
        );
      } else {
        report(status, text, copyByHand(text));
      }
    });
  });
})();
