// Starts the vendored Swagger UI on /openapi.json (kept in a file: the CSP forbids inline scripts).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
