// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A browser without JavaScript: keeps cookies, sends <c>Accept: text/html</c>, and does not follow redirects by
/// itself so tests see every 303. What a UI server does for it (fetching the flow with the browser's cookies and
/// rendering the form) the test does with <see cref="GetFlowAsync"/>.
/// </summary>
public sealed class BrowserClient : IDisposable
{
    private readonly HttpClient _client;

    /// <param name="publicUrl">The base address.</param>
    /// <param name="connect">Where each connection goes (its TCP socket only: URLs, Host headers and cookies stay as they
    /// are), for names that resolve nowhere, such as a project's host; by default the URL's own address.</param>
    public BrowserClient(Uri publicUrl, Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? connect = null)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies, ConnectCallback = connect })
        {
            BaseAddress = publicUrl,
        };
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml");
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string pathOrUrl) => _client.GetAsync(pathOrUrl);

    /// <summary>Submits a form as a browser does (urlencoded fields).</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>Fetches a flow as a UI server does for this browser (its cookies, JSON).</summary>
    public async Task<JsonDocument> GetFlowAsync(string kind, string flowId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/{kind}/flows?id={flowId}");
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _client.SendAsync(request);
    }

    /// <summary>Sends <paramref name="request"/> with this browser's cookies, asking for <paramref name="accept"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string accept)
    {
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd(accept);
        return _client.SendAsync(request);
    }

    public void Dispose() => _client.Dispose();
}
