// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Configuration;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera token client --client-id &lt;id&gt; [--client-secret &lt;secret&gt;] [--scope s]... [--audience a]...</c>:
/// asks the running server's <c>/oauth2/token</c> for a client-credentials access token and prints it alone on a
/// line, for scripts (<c>TOKEN=$(tessera token client ...)</c>); <c>--format json</c> prints the whole answer. The
/// secret may come from <c>TESSERA_CLIENT_SECRET</c> instead of the command line, where other users could see it.
/// The endpoint is <c>--endpoint</c>, else <c>serve.public.base_url</c>, else the public listener's address.
/// </summary>
internal static class TokenCommand
{
    public const string SecretVariable = "TESSERA_CLIENT_SECRET";

    private static readonly Option<string> ClientId = new("--client-id") { Description = "The OAuth2 client's id.", Required = true };
    private static readonly Option<string?> ClientSecret = new("--client-secret") { Description = $"The client's secret (or set {SecretVariable})." };
    private static readonly Option<string[]> Scope = new("--scope") { Description = "A scope to request; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> Audience = new("--audience") { Description = "An audience to request; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string> AuthMethod = new("--auth-method")
    {
        Description = "How to send the credentials: client_secret_basic or client_secret_post.",
        DefaultValueFactory = _ => "client_secret_basic",
    };

    private static readonly Option<string?> Endpoint = new("--endpoint") { Description = "The server's public URL (default: serve.public.base_url, else the public listener)." };
    private static readonly Option<string> Format = new("--format") { Description = "token (the access token alone) or json (the whole answer).", DefaultValueFactory = _ => "token" };

    public static Command Create()
    {
        var client = new Command("client", "Print a client-credentials access token from the running server (for scripts).");
        client.Options.Add(ClientId);
        client.Options.Add(ClientSecret);
        client.Options.Add(Scope);
        client.Options.Add(Audience);
        client.Options.Add(AuthMethod);
        client.Options.Add(Endpoint);
        client.Options.Add(Format);
        client.SetAction((parse, ct) => CliFailures.GuardAsync(() => ClientAsync(parse, ct)));

        var token = new Command("token", "Get OAuth2 tokens from the running server.");
        token.Subcommands.Add(client);
        return token;
    }

    private static async Task<int> ClientAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var method = parse.GetValue(AuthMethod);
        var format = parse.GetValue(Format);
        if (method is not ("client_secret_basic" or "client_secret_post"))
        {
            throw new CliFailure($"--auth-method must be client_secret_basic or client_secret_post, not \"{method}\"");
        }

        if (format is not ("token" or "json"))
        {
            throw new CliFailure($"--format must be token or json, not \"{format}\"");
        }

        var id = parse.GetValue(ClientId)!;
        var secret = parse.GetValue(ClientSecret) ?? Environment.GetEnvironmentVariable(SecretVariable);
        var endpoint = new Uri(BaseUrl(parse), "oauth2/token");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (parse.GetValue(Scope) is { Length: > 0 } scopes)
        {
            form.Add(new("scope", string.Join(' ', scopes)));
        }

        form.AddRange((parse.GetValue(Audience) ?? []).Select(a => new KeyValuePair<string, string>("audience", a)));
        if (method == "client_secret_post")
        {
            form.Add(new("client_id", id));
            form.Add(new("client_secret", secret ?? string.Empty));
        }
        else
        {
            // RFC 6749 §2.3.1: both parts form-encoded before the Basic encoding.
            var pair = $"{Uri.EscapeDataString(id)}:{Uri.EscapeDataString(secret ?? string.Empty)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair)));
        }

        request.Content = new FormUrlEncodedContent(form);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        JsonNode? answer;
        int status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            answer = TryParse(body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new CliFailure($"cannot reach {endpoint}: {e.Message}");
        }

        if (answer?["access_token"]?.GetValue<string>() is not { } accessToken || status != 200)
        {
            var error = answer?["error"]?.ToString() ?? "no token";
            var description = answer?["error_description"]?.ToString();
            throw new CliFailure($"the token endpoint answered {status} {error}{(description is null ? string.Empty : $": {description}")}");
        }

        await Console.Out.WriteLineAsync(format == "json" ? answer.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) : accessToken);
        return 0;
    }

    private static Uri BaseUrl(ParseResult parse)
    {
        Uri? url = null;
        if (parse.GetValue(Endpoint) is { } given && (!Uri.TryCreate(given, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            throw new CliFailure($"--endpoint must be an absolute http(s) URL, not \"{given}\"");
        }

        if (url is null)
        {
            var serve = ServeOptions.Bind(CliOptions.Load(parse));
            var host = serve.Public.Host is "0.0.0.0" or "::" ? "127.0.0.1" : serve.Public.Host;
            url = serve.Public.BaseUrl ?? new Uri($"http://{host}:{serve.Public.Port}/");
        }

        // A base URL with a path (https://example.com/auth) keeps it: the token endpoint is below it.
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
