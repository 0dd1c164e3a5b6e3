// "Closest to me": asks the browser for its position and submits it; the server computes
// the distances. Without geolocation the button stays hidden and the filters still work.
(function () {
  "use strict";
  var form = document.getElementById("find-hub-form");
  var button = document.getElementById("closest-hub");
  if (!form || !button || !("geolocation" in navigator)) return;
  var status = document.getElementById("find-hub-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = form.dataset.locating;
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        form.elements.lat.value = position.coords.latitude.toFixed(5);
        form.elements.lng.value = position.coords.longitude.toFixed(5);
        form.elements.region.value = "";
        form.elements.city.value = "";
        form.submit();
      },
      function () {
        status.textContent = form.dataset.denied;
        button.disabled = false;
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
    );
  });
})();
