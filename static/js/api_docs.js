'use strict';
// Starts Swagger UI on the API's own schema (templates/api/docs.html).
{
    const element = document.getElementById('swagger-ui');
    window.ui = SwaggerUIBundle({
        url: element.dataset.schemaUrl,
        dom_id: '#swagger-ui',
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: 'BaseLayout',
        tryItOutEnabled: true,
    });
}
