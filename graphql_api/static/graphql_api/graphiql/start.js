/*
 * Boots GraphiQL on /graphql/ (templates/graphql/graphiql.html) from the vendored React,
 * ReactDOM, GraphiQL and explorer plugin loaded before this file. It does what
 * strawberry's built-in GraphiQL page does, without subscriptions (our API has none):
 *
 * - queries go by POST to this page's own address, with an ``x-csrftoken`` header when
 *   the ``csrftoken`` cookie is set (strawberry sends it the same way);
 * - ``?q=`` (the query) and ``?variables=`` are read from the address and written back
 *   as they are edited, so a query can be shared as a link; ``?headers=`` is read only.
 *   (``?query=`` would not reach this page: strawberry answers a GET with a ``query``
 *   parameter by running it.)
 * - the headers editor is on and its contents persist in the browser's storage;
 * - the explorer plugin builds queries by clicking through the schema.
 */
(function () {
  "use strict";

  var EXAMPLE_QUERY = [
    "# GraphiQL for the API of the Willkommenszentrum Leipzig.",
    "#",
    "# Type a query on this side; the schema guides the completion (Ctrl-Space)",
    "# and the documentation is in the panel on the left.",
    "#",
    "#   Run the query:  Ctrl-Enter (or the play button)",
    "#",
    "{",
    "  locales {",
    "    code",
    "    nativeName",
    "    direction",
    "  }",
    "}",
    "",
  ].join("\n");

  var URL_KEYS = ["q", "variables", "headers"];

  function readParameters() {
    var search = new URLSearchParams(window.location.search);
    var parameters = {};
    URL_KEYS.forEach(function (key) {
      if (search.has(key)) parameters[key] = search.get(key);
    });
    return parameters;
  }

  var parameters = readParameters();

  function updateURL(changes) {
    var search = new URLSearchParams(window.location.search);
    Object.keys(changes).forEach(function (key) {
      parameters[key] = changes[key];
      if (changes[key]) search.set(key, changes[key]);
      else search.delete(key);
    });
    var query = search.toString();
    window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  function cookie(name) {
    var prefix = name + "=";
    var parts = document.cookie ? document.cookie.split(";") : [];
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i].trim();
      if (part.indexOf(prefix) === 0) return decodeURIComponent(part.slice(prefix.length));
    }
    return null;
  }

  var endpoint = new URL(window.location.href);
  endpoint.search = "";
  endpoint.hash = "";

  var defaultHeaders = {};
  var csrfToken = cookie("csrftoken");
  if (csrfToken) defaultHeaders["x-csrftoken"] = csrfToken;

  var fetcher = GraphiQL.createFetcher({ url: endpoint.toString(), headers: defaultHeaders });
  var explorerPlugin = GraphiQLPluginExplorer.explorerPlugin();

  function App() {
    var queryState = React.useState(parameters.q || EXAMPLE_QUERY);
    var variablesState = React.useState(parameters.variables);
    var headersState = React.useState(parameters.headers);

    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      plugins: [explorerPlugin],
      query: queryState[0],
      variables: variablesState[0],
      headers: headersState[0],
      onEditQuery: function (query) {
        queryState[1](query);
        updateURL({ q: query });
      },
      onEditVariables: function (variables) {
        variablesState[1](variables);
        updateURL({ variables: variables });
      },
      onEditHeaders: function (headers) {
        headersState[1](headers);
      },
      defaultEditorToolsVisibility: true,
      inputValueDeprecation: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true,
    });
  }

  ReactDOM.createRoot(document.getElementById("graphiql")).render(React.createElement(App));
})();
