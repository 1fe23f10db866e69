/* global React, ReactDOM, GraphiQL, document, fetch */
// The developer explorer (GraphiQL), run from files the gateway serves itself: no CDN, so it works on an
// air-gapped network. React, ReactDOM and GraphiQL are the npm packages' own prebuilt browser bundles; this
// script only wires them to /graphql. Cookies go with the requests (a signed-in console session) and the browser
// adds the Origin header the gateway checks for cookie-signed requests.
(async () => {
  const mount = document.getElementById('explorer');
  try {
    const config = await (await fetch('/explorer/config.json', { credentials: 'same-origin' })).json();
    // In production the gateway answers no introspection; a signed-in person gets the schema from the explorer.
    const schema = config.schemaUrl
      ? await (await fetch(config.schemaUrl, { credentials: 'same-origin' })).json()
      : undefined;
    const fetcher = async (params) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
        },
        body: JSON.stringify(params),
      });
      return response.json();
    };
    ReactDOM.createRoot(mount).render(
      React.createElement(GraphiQL, {
        fetcher,
        schema,
        defaultTabs: config.tabs,
        defaultEditorToolsVisibility: 'variables',
      }),
    );
  } catch (error) {
    mount.textContent = '查询工具加载失败：' + error.message;
  }
})();
