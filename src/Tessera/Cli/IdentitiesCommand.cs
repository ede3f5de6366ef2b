// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json;
using Tessera.Hosting.Json;
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.Identities.Admin;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera identities import &lt;file.json|-&gt;</c> (one createIdentityBody or an array of them, as Kratos),
/// <c>list</c>, <c>get &lt;id&gt;</c>, <c>delete &lt;id&gt;</c>. Talks to the database directly.
/// </summary>
internal static class IdentitiesCommand
{
    private static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions { WriteIndented = true });

    private static readonly Argument<string> File = new("file") { Description = "A JSON file with one identity or an array of identities; - reads standard input." };
    private static readonly Argument<string> Id = new("id") { Description = "The identity's id." };
    private static readonly Option<int> PageSize = new("--page-size") { Description = "How many identities to list.", DefaultValueFactory = _ => 250 };

    public static Command Create()
    {
        var import = new Command("import", "Create identities from createIdentityBody JSON (one object or an array).");
        import.Arguments.Add(File);
        import.SetAction((parse, ct) => CliFailures.GuardAsync(() => ImportAsync(parse, ct)));

        var list = new Command("list", "List identities (id, state, identifiers).");
        list.Options.Add(PageSize);
        list.SetAction((parse, ct) => CliFailures.GuardAsync(() => ListAsync(parse, ct)));

        var get = new Command("get", "Print one identity as JSON.");
        get.Arguments.Add(Id);
        get.SetAction((parse, ct) => CliFailures.GuardAsync(() => GetAsync(parse, ct)));

        var delete = new Command("delete", "Delete one identity.");
        delete.Arguments.Add(Id);
        delete.SetAction((parse, ct) => CliFailures.GuardAsync(() => DeleteAsync(parse, ct)));

        var identities = new Command("identities", "Manage identities.");
        identities.Subcommands.Add(import);
        identities.Subcommands.Add(list);
        identities.Subcommands.Add(get);
        identities.Subcommands.Add(delete);
        return identities;
    }

    private static async Task<int> ImportAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var path = parse.GetValue(File)!;
        JsonNode? document;
        try
        {
            var text = path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await System.IO.File.ReadAllTextAsync(path, cancellationToken);
            document = JsonNode.Parse(text);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot read {path}: {e.Message}");
        }

        var items = document is JsonArray array ? array.ToList() : [document];
        await using var identities = await CliIdentities.OpenAsync(parse, cancellationToken);
        var failed = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (draft, invalid) = IdentityDraftParser.Parse(items[i]);
            var result = draft is null ? null : await identities.Manager.CreateAsync(draft, cancellationToken);
            if (result is { Succeeded: true })
            {
                Console.Out.WriteLine($"created\t{result.Value.Id}");
                continue;
            }

            failed++;
            await Console.Error.WriteLineAsync($"tessera: identity {i}: {result?.Error?.EffectiveReason ?? invalid}");
        }

        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var identities = await CliIdentities.OpenAsync(parse, cancellationToken);
        var page = await identities.Store.ListAsync(new IdentityListQuery(Math.Clamp(parse.GetValue(PageSize), 1, 10_000)), cancellationToken);
        Console.Out.WriteLine("ID\tSTATE\tSCHEMA\tIDENTIFIERS");
        foreach (var identity in page.Items)
        {
            var identifiers = identity.Credentials.Values.SelectMany(c => c.Identifiers).Distinct(StringComparer.Ordinal);
            Console.Out.WriteLine($"{identity.Id}\t{identity.State}\t{identity.SchemaId}\t{string.Join(",", identifiers)}");
        }

        return 0;
    }

    private static async Task<int> GetAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var identities = await CliIdentities.OpenAsync(parse, cancellationToken);
        var identity = Guid.TryParse(parse.GetValue(Id), out var id) ? await identities.Store.GetAsync(id, cancellationToken) : null;
        if (identity is null)
        {
            throw new CliFailure($"no identity with id {parse.GetValue(Id)}");
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(IdentityResponse.From(identity, identities.PublicBaseUrl, new HashSet<string>()), Json));
        return 0;
    }

    private static async Task<int> DeleteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var identities = await CliIdentities.OpenAsync(parse, cancellationToken);
        if (!Guid.TryParse(parse.GetValue(Id), out var id) || !await identities.Store.DeleteAsync(id, cancellationToken))
        {
            throw new CliFailure($"no identity with id {parse.GetValue(Id)}");
        }

        Console.Out.WriteLine($"deleted\t{id}");
        return 0;
    }
}
