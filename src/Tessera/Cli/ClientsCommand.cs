// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Hosting.Pagination;
using Tessera.OAuth2.Clients;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera clients create|list|get|delete</c>: the OAuth2 clients, straight on the database with the admin API's
/// own code (<see cref="ClientRegistry"/>, <see cref="ClientStore"/>), in the style of Hydra's <c>hydra create client</c>.
/// <c>create</c> takes Hydra's client JSON (<c>--file</c>, <c>-</c> for standard input) and/or flags, and prints the
/// client as JSON with its secret: shown once, nothing can show it again.
/// </summary>
internal static class ClientsCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly Option<string?> File = new("--file") { Description = "A JSON file with Hydra's client document; - reads standard input. Flags override its fields." };
    private static readonly Option<string?> Name = new("--name") { Description = "The client's name (client_name)." };
    private static readonly Option<string?> Id = new("--id") { Description = "The client id (generated when absent)." };
    private static readonly Option<string[]> GrantTypes = new("--grant-type") { Description = "A grant type (authorization_code, refresh_token, client_credentials); repeat for several.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> ResponseTypes = new("--response-type") { Description = "A response type (code); repeat for several.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> Scopes = new("--scope") { Description = "A scope the client may ask for; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> Audience = new("--audience") { Description = "An audience the client may ask for; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> RedirectUris = new("--redirect-uri") { Description = "An allowed redirect URI; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> AuthMethod = new("--token-endpoint-auth-method") { Description = "client_secret_basic (default), client_secret_post, private_key_jwt or none." };
    private static readonly Option<string?> Strategy = new("--access-token-strategy") { Description = "opaque or jwt (default: strategies.access_token)." };
    private static readonly Option<string?> Secret = new("--secret") { Description = "A chosen secret (generated when absent)." };
    private static readonly Option<int> PageSize = new("--page-size") { Description = "How many clients to list.", DefaultValueFactory = _ => Paginator.DefaultSize };
    private static readonly Argument<string> ClientId = new("id") { Description = "The client id." };

    public static Command Create()
    {
        var create = new Command("create", "Create an OAuth2 client and print it as JSON, with its secret (shown once).");
        foreach (var option in new Option[] { File, Id, Name, GrantTypes, ResponseTypes, Scopes, Audience, RedirectUris, AuthMethod, Strategy, Secret })
        {
            create.Options.Add(option);
        }

        create.SetAction((parse, ct) => CliFailures.GuardAsync(() => CreateAsync(parse, ct)));

        var list = new Command("list", "List OAuth2 clients (id, name, grant types, authentication method).");
        list.Options.Add(PageSize);
        list.SetAction((parse, ct) => CliFailures.GuardAsync(() => ListAsync(parse, ct)));

        var get = new Command("get", "Print one OAuth2 client as JSON (never its secret).");
        get.Arguments.Add(ClientId);
        get.SetAction((parse, ct) => CliFailures.GuardAsync(() => GetAsync(parse, ct)));

        var delete = new Command("delete", "Delete one OAuth2 client.");
        delete.Arguments.Add(ClientId);
        delete.SetAction((parse, ct) => CliFailures.GuardAsync(() => DeleteAsync(parse, ct)));

        var clients = new Command("clients", "Manage OAuth2 clients (as /admin/clients).");
        clients.Subcommands.Add(create);
        clients.Subcommands.Add(list);
        clients.Subcommands.Add(get);
        clients.Subcommands.Add(delete);
        return clients;
    }

    private static async Task<int> CreateAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var document = await DocumentAsync(parse, cancellationToken);
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var registry = app.Services.GetRequiredService<ClientRegistry>();
        if (!(await registry.CreateAsync(document, cancellationToken)).TryGetValue(out var saved, out var error))
        {
            throw new CliFailure(error.EffectiveReason);
        }

        if (saved.Secret is not null)
        {
            await Console.Error.WriteLineAsync($"Created client {saved.Client.ClientId}. Its client_secret is shown only now: store it safely.");
        }

        await Console.Out.WriteLineAsync(saved.Client.ToResponse(saved.Secret).ToJsonString(Indented));
        return 0;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var size = Math.Clamp(parse.GetValue(PageSize), 1, Paginator.MaxSize);
        var page = await app.Services.GetRequiredService<ClientStore>().ListAsync(new PageRequest<ClientPosition>(size, null, null), null, null, cancellationToken);
        await Console.Out.WriteLineAsync("CLIENT ID\tNAME\tGRANT TYPES\tAUTH METHOD");
        foreach (var client in page.Items)
        {
            await Console.Out.WriteLineAsync(string.Join('\t', client.ClientId, (string?)client.Document["client_name"] ?? string.Empty,
                string.Join(',', client.GrantTypes), client.TokenEndpointAuthMethod));
        }

        return 0;
    }

    private static async Task<int> GetAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var id = parse.GetValue(ClientId)!;
        var client = await app.Services.GetRequiredService<ClientStore>().FindAsync(id, cancellationToken)
            ?? throw new CliFailure($"no OAuth2 client with id {id}");
        await Console.Out.WriteLineAsync(client.ToResponse().ToJsonString(Indented));
        return 0;
    }

    private static async Task<int> DeleteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var id = parse.GetValue(ClientId)!;
        if (!await app.Services.GetRequiredService<ClientStore>().DeleteAsync(id, cancellationToken))
        {
            throw new CliFailure($"no OAuth2 client with id {id}");
        }

        await Console.Out.WriteLineAsync($"deleted\t{id}");
        return 0;
    }

    // Hydra's client document: the file's, then each flag given replacing its field.
    private static async Task<JsonObject> DocumentAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var document = new JsonObject();
        if (parse.GetValue(File) is { } path)
        {
            try
            {
                var text = path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await System.IO.File.ReadAllTextAsync(path, cancellationToken);
                document = JsonNode.Parse(text) as JsonObject ?? throw new CliFailure($"{path} does not hold a JSON object");
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                throw new CliFailure($"cannot read {path}: {e.Message}");
            }
        }

        Set(document, "client_id", parse.GetValue(Id));
        Set(document, "client_name", parse.GetValue(Name));
        Set(document, "token_endpoint_auth_method", parse.GetValue(AuthMethod));
        Set(document, "access_token_strategy", parse.GetValue(Strategy));
        Set(document, "client_secret", parse.GetValue(Secret));
        SetList(document, "grant_types", parse.GetValue(GrantTypes));
        SetList(document, "response_types", parse.GetValue(ResponseTypes));
        SetList(document, "audience", parse.GetValue(Audience));
        SetList(document, "redirect_uris", parse.GetValue(RedirectUris));
        if (parse.GetValue(Scopes) is { Length: > 0 } scopes)
        {
            document["scope"] = string.Join(' ', scopes);
        }

        return document;
    }

    private static void Set(JsonObject document, string field, string? value)
    {
        if (value is not null)
        {
            document[field] = value;
        }
    }

    private static void SetList(JsonObject document, string field, string[]? values)
    {
        if (values is { Length: > 0 })
        {
            document[field] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
    }
}
