// Starts Swagger UI on /docs. A file of its own, not an inline script, so that the
// page's Content-Security-Policy can allow scripts from the service alone
// (script-src 'self'). The spec's URL comes from the page (data-spec-url).
window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.specUrl,
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
    validatorUrl: null
  });
});
